import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { Editor } from '@/components/editor/editor';
import { UnreadableDesign } from '@/components/editor/unreadable-design';
import { JoinWorkspace } from '@/components/share/join-workspace';
import { requireShare } from '@/lib/api/access';
import { ApiError } from '@/lib/api/errors';
import { clientAddress } from '@/lib/auth/client-address';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { workspaceAccess } from '@/lib/db/queries/access';
import { loadDesign } from '@/lib/design';
import { loadUserCode } from '@/lib/generator/user-code/schema';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Shared workspace · Fastdraft', referrer: 'no-referrer' };

/**
 * A share link. View: the editor, read only, fed and generating through the token. Edit: sign in, then a
 * "Join workspace" button makes you a collaborator (POST /api/share/{token}/accept) and continues at /w/<id>. Unknown, revoked and expired links are the same 404.
 */
export default async function SharePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const database = await db();
  let share: Awaited<ReturnType<typeof requireShare>>;
  try {
    share = await requireShare(database, token, clientAddress({ headers: await headers() }));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'rate_limited') {
      return (
        <main className="page">
          <h1>Too many attempts</h1>
          <div role="alert" className="alert error">
            {error.message}
          </div>
        </main>
      );
    }
    if (error instanceof ApiError) notFound();
    throw error;
  }
  const { link, workspace } = share;
  if (link.role === 'edit') {
    const user = await currentUser();
    if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/s/${token}`)}`);
    // Opening a link never joins (a GET must not change anything): the button posts to /accept.
    if (await workspaceAccess(database, user.id, workspace.id)) redirect(`/w/${workspace.id}`);
    return <JoinWorkspace token={token} workspaceName={workspace.name} />;
  }
  const loaded = loadDesign(workspace.design);
  if (!loaded.ok) return <UnreadableDesign name={workspace.name} issues={loaded.issues} />;
  return (
    <Editor
      workspaceId={workspace.id}
      design={loaded.design}
      version={workspace.version}
      userCode={loadUserCode(workspace.userCode)}
      mode={{ kind: 'share', token }}
    />
  );
}
