import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { UserMenu } from '@/components/auth/user-menu';
import { THEME_SCRIPT } from '@/components/ui/theme-script';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import './globals.css';

export const metadata: Metadata = {
  title: 'Fastdraft',
  description: 'Design HTTP APIs visually and get a complete, checked FastAPI project.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before hydration, so the server's <html> differs on purpose.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script, no user data. */}
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <header className="app-header">
          <Link href="/" className="brand">
            Fast<span>draft</span>
          </Link>
          <div className="header-end">
            <ThemeToggle />
            <UserMenu />
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
