import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { designVersions, users } from '../schema';

// Called after `requireWorkspace` (lib/api/access.ts) answered who may see the workspace.

export type VersionRow = typeof designVersions.$inferSelect;
export type VersionSummary = Omit<VersionRow, 'design' | 'userCode'> & { authorEmail: string | null };

const summary = {
  id: designVersions.id,
  workspaceId: designVersions.workspaceId,
  number: designVersions.number,
  message: designVersions.message,
  authorId: designVersions.authorId,
  createdAt: designVersions.createdAt,
  authorEmail: users.email,
};

/** The workspace's versions, oldest first, without their designs. */
export async function listVersions(db: Db, workspaceId: string): Promise<VersionSummary[]> {
  return db
    .select(summary)
    .from(designVersions)
    .leftJoin(users, eq(users.id, designVersions.authorId))
    .where(eq(designVersions.workspaceId, workspaceId))
    .orderBy(asc(designVersions.number));
}

/** Every version with its design, oldest first: the history generation follows. */
export async function versionHistory(db: Db, workspaceId: string): Promise<VersionRow[]> {
  return db
    .select()
    .from(designVersions)
    .where(eq(designVersions.workspaceId, workspaceId))
    .orderBy(asc(designVersions.number));
}

export async function getVersion(db: Db, workspaceId: string, number: number): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(designVersions)
    .where(and(eq(designVersions.workspaceId, workspaceId), eq(designVersions.number, number)))
    .limit(1);
  return rows[0] ?? null;
}

/** The workspace's newest version, with its design; null before the first commit. */
export async function latestVersion(db: Db, workspaceId: string): Promise<VersionRow | null> {
  const rows = await db
    .select()
    .from(designVersions)
    .where(eq(designVersions.workspaceId, workspaceId))
    .orderBy(desc(designVersions.number))
    .limit(1);
  return rows[0] ?? null;
}

/** Commits `design` as the next version (numbers are per workspace; concurrent commits retry). */
export async function createVersion(
  db: Db,
  input: { workspaceId: string; authorId: string; message: string; design: unknown; userCode?: unknown },
): Promise<VersionRow> {
  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await db
        .insert(designVersions)
        .values({
          workspaceId: input.workspaceId,
          authorId: input.authorId,
          message: input.message,
          design: input.design,
          userCode: input.userCode ?? { files: {} },
          number: sql`(select coalesce(max(${designVersions.number}), 0) + 1 from ${designVersions} where ${designVersions.workspaceId} = ${input.workspaceId})`,
        })
        .returning();
      return rows[0] as VersionRow;
    } catch (error) {
      if (attempt >= 4 || !/design_versions_workspace_number_idx|unique/i.test(String(error))) throw error;
    }
  }
}
