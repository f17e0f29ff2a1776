import 'server-only';
import type { Db } from '@/lib/db/connect';
import {
  latestVersion,
  type VersionRow,
  type VersionSummary,
  versionHistory,
} from '@/lib/db/queries/versions';
import { type Design, loadDesign } from '@/lib/design';
import type { DesignVersion } from '@/lib/generator';
import { loadUserCode } from '@/lib/generator/user-code/schema';
import type { UserCode } from '@/lib/generator/user-code/types';

/** A workspace's committed versions as the generator's history (versions that no longer load are left out). */
export async function historyOf(db: Db, workspaceId: string): Promise<DesignVersion[]> {
  const rows = await versionHistory(db, workspaceId);
  const history: DesignVersion[] = [];
  for (const row of rows) {
    const loaded = loadDesign(row.design);
    if (loaded.ok)
      history.push({ id: row.id, message: row.message, createdAt: row.createdAt, design: loaded.design });
  }
  return history;
}

/** The newest committed version's number, design and user code; null before the first commit (or when it does not load). */
export async function latestDesign(
  db: Db,
  workspaceId: string,
): Promise<{ number: number; design: Design; userCode: UserCode } | null> {
  const row = await latestVersion(db, workspaceId);
  if (!row) return null;
  const loaded = loadDesign(row.design);
  return loaded.ok
    ? { number: row.number, design: loaded.design, userCode: loadUserCode(row.userCode) }
    : null;
}

export const versionJson = (v: VersionRow | VersionSummary, authorEmail: string | null = null) => ({
  id: v.id,
  number: v.number,
  message: v.message,
  authorId: v.authorId,
  authorEmail: 'authorEmail' in v ? v.authorEmail : authorEmail,
  createdAt: v.createdAt.toISOString(),
});
