import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../connect';
import { shareLinks, users, workspaceMembers, workspaces } from '../schema';
import { forgetAccess } from './access-cache';
import type { WorkspaceRow } from './workspaces';

export type ShareRole = 'view' | 'edit';
export type ShareLinkRow = typeof shareLinks.$inferSelect;
export type ShareLinkSummary = Pick<
  ShareLinkRow,
  'id' | 'role' | 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'
>;

const summary = {
  id: shareLinks.id,
  role: shareLinks.role,
  createdAt: shareLinks.createdAt,
  expiresAt: shareLinks.expiresAt,
  lastUsedAt: shareLinks.lastUsedAt,
  revokedAt: shareLinks.revokedAt,
};

/** 256 random bits, base64url (43 characters). Only its SHA-256 is ever stored. */
export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** Creates a link; the token is returned once and cannot be recovered later. */
export async function createShareLink(
  db: Db,
  input: { workspaceId: string; role: ShareRole; createdBy: string; expiresAt: Date | null },
): Promise<{ token: string; link: ShareLinkSummary }> {
  const token = newShareToken();
  const rows = await db
    .insert(shareLinks)
    .values({ ...input, tokenHash: hashShareToken(token) })
    .returning(summary);
  return { token, link: rows[0]! };
}

/** The links of a workspace that are not revoked (expired ones included, to show when they ended), newest first. */
export async function listShareLinks(db: Db, workspaceId: string): Promise<ShareLinkSummary[]> {
  return db
    .select(summary)
    .from(shareLinks)
    .where(and(eq(shareLinks.workspaceId, workspaceId), isNull(shareLinks.revokedAt)))
    .orderBy(desc(shareLinks.createdAt), shareLinks.id);
}

export async function revokeShareLink(
  db: Db,
  workspaceId: string,
  shareId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(shareLinks)
    .set({ revokedAt: now })
    .where(
      and(eq(shareLinks.id, shareId), eq(shareLinks.workspaceId, workspaceId), isNull(shareLinks.revokedAt)),
    )
    .returning({ id: shareLinks.id });
  return rows.length > 0;
}

export type ResolvedShare =
  | { status: 'ok'; link: ShareLinkRow; workspace: WorkspaceRow }
  | { status: 'unknown' }
  | { status: 'gone' };

/**
 * Finds the link a token names: by its full hash, then compared in constant time. `unknown` (no such token)
 * counts as a guess; `gone` (revoked or expired) is a 404 too but not a guess. A usable link's last use is stamped.
 */
export async function resolveShareToken(db: Db, token: string, now: Date): Promise<ResolvedShare> {
  if (!TOKEN_SHAPE.test(token)) return { status: 'unknown' };
  const hash = hashShareToken(token);
  const rows = await db
    .select({ link: shareLinks, workspace: workspaces })
    .from(shareLinks)
    .innerJoin(workspaces, eq(workspaces.id, shareLinks.workspaceId))
    .where(eq(shareLinks.tokenHash, hash))
    .limit(1);
  const row = rows[0];
  if (!row || !timingSafeEqual(Buffer.from(row.link.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) {
    return { status: 'unknown' };
  }
  if (row.link.revokedAt || (row.link.expiresAt && row.link.expiresAt <= now)) return { status: 'gone' };
  await db.update(shareLinks).set({ lastUsedAt: now }).where(eq(shareLinks.id, row.link.id));
  return { status: 'ok', link: { ...row.link, lastUsedAt: now }, workspace: row.workspace };
}

// ---- collaborators

export async function addMember(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db.insert(workspaceMembers).values({ workspaceId, userId, role: 'editor' }).onConflictDoNothing();
}

export interface MemberSummary {
  userId: string;
  email: string;
  name: string | null;
  role: 'editor';
  addedAt: Date;
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberSummary[]> {
  return db
    .select({
      userId: workspaceMembers.userId,
      email: users.email,
      name: users.name,
      role: workspaceMembers.role,
      addedAt: workspaceMembers.addedAt,
    })
    .from(workspaceMembers)
    .innerJoin(users, eq(users.id, workspaceMembers.userId))
    .where(eq(workspaceMembers.workspaceId, workspaceId))
    .orderBy(asc(workspaceMembers.addedAt), workspaceMembers.userId);
}

export async function removeMember(db: Db, workspaceId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(workspaceMembers)
    .where(and(eq(workspaceMembers.workspaceId, workspaceId), eq(workspaceMembers.userId, userId)))
    .returning({ userId: workspaceMembers.userId });
  forgetAccess();
  return rows.length > 0;
}
