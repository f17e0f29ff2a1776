import Link from 'next/link';
import { signOut } from '@/lib/auth/auth';
import { currentUser } from '@/lib/auth/session';

export async function UserMenu() {
  const user = await currentUser();
  if (!user) {
    return (
      <nav className="header-user">
        <Link href="/signin">Sign in</Link>
        <Link href="/signup" className="button primary">
          Sign up
        </Link>
      </nav>
    );
  }
  return (
    <nav className="header-user" aria-label="Account">
      <Link href="/dashboard">Workspaces</Link>
      <span data-testid="signed-in-as">{user.email}</span>
      <form
        action={async () => {
          'use server';
          await signOut({ redirectTo: '/signin' });
        }}
      >
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}
