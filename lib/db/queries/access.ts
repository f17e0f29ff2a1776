import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../connect';
import { workspaceMembers, workspaces } from '../schema';
import type { WorkspaceRow } from './workspaces';

/** What a signed-in user may do with a workspace: `owner` everything, `editor` read and write the design. */
export type WorkspaceRole = 'owner' | 'editor';

/** The one place that answers "what is this user's role on this workspace?" (null: none, or no such workspace). */
export async function workspaceAccess(
  db: Db,
  userId: string,
  id: string,
): Promise<{ workspace: WorkspaceRow; role: WorkspaceRole } | null> {
  const rows = await db
    .select({ workspace: workspaces, memberId: workspaceMembers.userId })
    .from(workspaces)
    .leftJoin(
      workspaceMembers,
      and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId)),
    )
    .where(eq(workspaces.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  if (row.workspace.ownerId === userId) return { workspace: row.workspace, role: 'owner' };
  if (row.memberId) return { workspace: row.workspace, role: 'editor' };
  return null;
}

export type Need = 'read' | 'write' | 'owner';

/** Whether `role` is enough for `need`. */
export function allows(role: WorkspaceRole, need: Need): boolean {
  return need === 'owner' ? role === 'owner' : true;
}
