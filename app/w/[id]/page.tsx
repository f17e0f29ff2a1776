import { notFound, redirect } from 'next/navigation';
import type { AssistantSetup } from '@/components/assistant/assistant-panel';
import { Editor } from '@/components/editor/editor';
import { UnreadableDesign } from '@/components/editor/unreadable-design';
import { assistantConfig } from '@/lib/agent/config';
import type { AssistantMessage } from '@/lib/agent/proposal';
import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { workspaceAccess } from '@/lib/db/queries/access';
import { loadChat } from '@/lib/db/queries/assistant-chats';
import { loadDesign } from '@/lib/design';
import { loadUserCode } from '@/lib/generator/user-code/schema';

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
  if (!loaded.ok) return <UnreadableDesign name={workspace.name} issues={loaded.issues} />;
  return (
    <Editor
      workspaceId={workspace.id}
      name={workspace.name}
      design={loaded.design}
      version={workspace.version}
      userCode={loadUserCode(workspace.userCode)}
      mode={{ kind: 'member', role }}
      assistant={await assistantSetup(workspace.id, user.id)}
    />
  );
}

/** What the chat panel needs: the provider's model name (never the key or URL) and this person's conversation. */
async function assistantSetup(workspaceId: string, userId: string): Promise<AssistantSetup> {
  const config = assistantConfig();
  if (!config.configured) return { configured: false, howTo: config.howTo };
  const messages = (await loadChat(await db(), workspaceId, userId)) as AssistantMessage[];
  return { configured: true, model: config.model, messages };
}
