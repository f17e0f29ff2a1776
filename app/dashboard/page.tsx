import { redirect } from 'next/navigation';
import { SignOutEverywhere } from '@/components/dashboard/sign-out-everywhere';
import { WorkspaceList } from '@/components/dashboard/workspace-list';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { listWorkspaces } from '@/lib/db/queries/workspaces';

export const metadata = { title: 'Workspaces · Fastdraft' };

export default async function DashboardPage() {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const workspaces = await listWorkspaces(await db(), user.id);
  return (
    <main className="page">
      <WorkspaceList
        initial={workspaces.map((w) => ({
          id: w.id,
          name: w.name,
          updatedAt: w.updatedAt.toISOString(),
          role: w.role,
          ownerEmail: w.ownerEmail,
        }))}
      />
      <SignOutEverywhere />
    </main>
  );
}
