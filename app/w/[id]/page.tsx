import { notFound, redirect } from 'next/navigation';
import { Editor } from '@/components/editor/editor';
import { assistantConfig } from '@/lib/agent/config';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { workspaceAccess } from '@/lib/db/queries/access';
import { loadDesign } from '@/lib/design';

export default async function WorkspacePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user) redirect('/signin');
  const { id } = await params;
  // Not a UUID, missing, or someone else's: all the same 404.
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const access = await workspaceAccess(await db(), user.id, id);
  if (!access) notFound();
  const { workspace, role } = access;
  const loaded = loadDesign(workspace.design);
  if (!loaded.ok) {
    return (
      <main className="page">
        <h1>{workspace.name}</h1>
        <div role="alert" className="alert error">
          This workspace&apos;s design could not be read ({loaded.issues[0]?.path}:{' '}
          {loaded.issues[0]?.message}).
        </div>
      </main>
    );
  }
  return (
    <Editor
      workspaceId={workspace.id}
      design={loaded.design}
      version={workspace.version}
      mode={{ kind: 'member', role }}
      assistant={assistantSetup()}
    />
  );
}

/** What the chat panel needs to know about the provider (never the key or URL). */
function assistantSetup() {
  const config = assistantConfig();
  return config.configured
    ? { configured: true as const, model: config.model }
    : { configured: false as const, howTo: config.howTo };
}
