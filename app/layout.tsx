import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { UserMenu } from '@/components/auth/user-menu';
import './globals.css';

export const metadata: Metadata = {
  title: 'Fastdraft',
  description: 'Design HTTP APIs visually and get a complete, checked FastAPI project.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="app-header">
          <Link href="/" className="brand">
            Fast<span>draft</span>
          </Link>
          <UserMenu />
        </header>
        {children}
      </body>
    </html>
  );
}
