import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { getWorkspace } from '@/lib/db/queries/workspaces';

export default async function WorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { id } = await params;
  // Not a UUID, missing, or someone else's: all the same 404.
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const workspace = await getWorkspace(await db(), user.id, id);
  if (!workspace) notFound();
  return (
    <main className="workspace">
      <h1>{workspace.name}</h1>
    </main>
  );
}
