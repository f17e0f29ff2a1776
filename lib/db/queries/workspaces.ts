import 'server-only';
import { and, desc, eq, exists, or, type SQL, sql } from 'drizzle-orm';
import { emptyUserCode, type UserCode } from '@/lib/generator/user-code/types';
import type { Db } from '../connect';
import { users, workspaceMembers, workspaces } from '../schema';
import { forgetAccess } from './access-cache';

export type WorkspaceRow = typeof workspaces.$inferSelect;
export type WorkspaceSummary = Pick<WorkspaceRow, 'id' | 'name' | 'version' | 'createdAt' | 'updatedAt'>;
/** A dashboard entry: owned, or shared with the user (then with the owner's email). */
export type ListedWorkspace = WorkspaceSummary & { role: 'owner' | 'editor'; ownerEmail: string };

const summary = {
  id: workspaces.id,
  name: workspaces.name,
  version: workspaces.version,
  createdAt: workspaces.createdAt,
  updatedAt: workspaces.updatedAt,
};

// Every query takes the asking user: a workspace someone may not see is indistinguishable from a missing one.
// Owner-only operations (rename, delete) use `ownedBy`; reading and saving the design also admit collaborators.
// Routes decide 403 vs 404 beforehand through lib/db/queries/access.ts.
/**
 * A workspace has one name: its `name` column, which the dashboard and the editor's toolbar show and rename.
 * Every write keeps the design document's `name` (the generated project's title) equal to it, so saving a
 * design never renames the workspace and renaming the workspace renames the project. Documents without a
 * `name` key are left as they are (`create_missing` false).
 */
const namedDesign = (design: unknown, name: SQL | string) =>
  sql`jsonb_set(${JSON.stringify(design)}::jsonb, '{name}', to_jsonb(${name}::text), false)`;

const ownedBy = (userId: string, id: string) => and(eq(workspaces.id, id), eq(workspaces.ownerId, userId));
const isMember = (db: Db, userId: string) =>
  exists(
    db
      .select({ one: sql`1` })
      .from(workspaceMembers)
      .where(and(eq(workspaceMembers.workspaceId, workspaces.id), eq(workspaceMembers.userId, userId))),
  );
const visibleTo = (db: Db, userId: string, id: string) =>
  and(eq(workspaces.id, id), or(eq(workspaces.ownerId, userId), isMember(db, userId)));

/** Owned workspaces and those shared with the user, most recently edited first. */
export async function listWorkspaces(db: Db, userId: string): Promise<ListedWorkspace[]> {
  const rows = await db
    .select({ ...summary, ownerId: workspaces.ownerId, ownerEmail: users.email })
    .from(workspaces)
    .innerJoin(users, eq(users.id, workspaces.ownerId))
    .where(or(eq(workspaces.ownerId, userId), isMember(db, userId)))
    .orderBy(desc(workspaces.updatedAt), workspaces.id);
  return rows.map(({ ownerId, ...row }) => ({ ...row, role: ownerId === userId ? 'owner' : 'editor' }));
}

/** The workspace if the user owns it or collaborates on it. */
export async function getWorkspace(db: Db, userId: string, id: string): Promise<WorkspaceRow | null> {
  const rows = await db
    .select()
    .from(workspaces)
    .where(visibleTo(db, userId, id))
    .limit(1);
  return rows[0] ?? null;
}

export async function createWorkspace(
  db: Db,
  userId: string,
  input: { name: string; design: unknown; userCode?: UserCode },
): Promise<WorkspaceSummary> {
  const rows = await db
    .insert(workspaces)
    .values({
      ownerId: userId,
      name: input.name,
      design: namedDesign(input.design, input.name),
      userCode: input.userCode ?? emptyUserCode(),
    })
    .returning(summary);
  return rows[0]!;
}

export async function renameWorkspace(
  db: Db,
  userId: string,
  id: string,
  name: string,
): Promise<WorkspaceSummary | null> {
  const rows = await db
    .update(workspaces)
    .set({
      name,
      design: sql`jsonb_set(${workspaces.design}, '{name}', to_jsonb(${name}::text), false)`,
      updatedAt: sql`now()`,
    })
    .where(ownedBy(userId, id))
    .returning(summary);
  return rows[0] ?? null;
}

export async function duplicateWorkspace(
  db: Db,
  userId: string,
  id: string,
  name: string,
): Promise<WorkspaceSummary | null> {
  const source = await getWorkspace(db, userId, id);
  if (!source) return null;
  return createWorkspace(db, userId, { name, design: source.design, userCode: source.userCode as UserCode });
}

export async function deleteWorkspace(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await db.delete(workspaces).where(ownedBy(userId, id)).returning({ id: workspaces.id });
  forgetAccess();
  return rows.length > 0;
}

export type SaveDesignResult =
  | { status: 'saved'; version: number; updatedAt: Date }
  | { status: 'conflict'; version: number }
  | { status: 'not-found' };

/**
 * Stores what is given (the design, the user code or both, in one statement) only if the stored version is still
 * `baseVersion` (optimistic concurrency). Design and user code share the one version, so a tab that is stale
 * for either gets a conflict.
 */
export async function saveWorkspace(
  db: Db,
  userId: string,
  id: string,
  change: { design?: unknown; userCode?: UserCode },
  baseVersion: number,
): Promise<SaveDesignResult> {
  const rows = await db
    .update(workspaces)
    .set({
      ...(change.design === undefined ? {} : { design: namedDesign(change.design, sql`${workspaces.name}`) }),
      ...(change.userCode === undefined ? {} : { userCode: change.userCode }),
      version: sql`${workspaces.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(visibleTo(db, userId, id), eq(workspaces.version, baseVersion)))
    .returning({ version: workspaces.version, updatedAt: workspaces.updatedAt });
  const saved = rows[0];
  if (saved) return { status: 'saved', ...saved };
  const current = await getWorkspace(db, userId, id);
  return current ? { status: 'conflict', version: current.version } : { status: 'not-found' };
}

/** Stores a design only if the stored version is still `baseVersion` (see `saveWorkspace`). */
export const saveDesign = (db: Db, userId: string, id: string, design: unknown, baseVersion: number) =>
  saveWorkspace(db, userId, id, { design }, baseVersion);

/** Stores the user code only if the stored version is still `baseVersion` (see `saveWorkspace`). */
export const saveUserCode = (db: Db, userId: string, id: string, userCode: UserCode, baseVersion: number) =>
  saveWorkspace(db, userId, id, { userCode }, baseVersion);
