import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import type { Db } from '@/lib/db/connect';
import { allows, type Need, type WorkspaceRole, workspaceAccess } from '@/lib/db/queries/access';
import { type RateLimit, refundAttempt, takeAttempt } from '@/lib/db/queries/rate-limits';
import { resolveShareToken } from '@/lib/db/queries/shares';
import type { WorkspaceRow } from '@/lib/db/queries/workspaces';
import { env } from '@/lib/env';
import { ApiError, notFound } from './errors';

/**
 * The workspace `id` if `user` may do `need` with it: 404 when they have no access at all (indistinguishable
 * from a missing workspace), 403 when they have access but not enough (a collaborator renaming, say).
 */
export async function requireWorkspace(
  db: Db,
  user: SessionUser,
  id: string,
  need: Need,
): Promise<{ workspace: WorkspaceRow; role: WorkspaceRole }> {
  const access = await workspaceAccess(db, user.id, id);
  if (!access) throw notFound();
  if (!allows(access.role, need)) {
    throw new ApiError('forbidden', 'Only the owner of this workspace may do this.');
  }
  return access;
}

export const shareLimits = (): RateLimit => ({
  max: env().SHARE_LINK_MAX_MISSES,
  windowSeconds: env().SHARE_LINK_WINDOW_SECONDS,
});

/**
 * The usable share link a token names and its workspace. Every lookup is counted against the client's address
 * first, in one atomic statement (like the sign-in lock), so parallel guesses get no more lookups than the limit;
 * a token that names a link (usable or not) gives its attempt back, so only unknown tokens use the allowance.
 * Past the limit every token answers 429 with the wait; revoked, expired and unknown links are all 404.
 */
export async function requireShare(db: Db, token: string, address: string, now = new Date()) {
  const key = `share:address:${address}`;
  const attempt = await takeAttempt(db, key, shareLimits(), now);
  if (!attempt.allowed) {
    const wait = attempt.lockedForSeconds;
    throw new ApiError('rate_limited', `Too many unknown links. Try again in ${wait} seconds.`, undefined, {
      retryAfterSeconds: wait,
    });
  }
  const resolved = await resolveShareToken(db, token, now);
  if (resolved.status !== 'unknown') await refundAttempt(db, key);
  if (resolved.status !== 'ok') throw notFound('Link');
  return { link: resolved.link, workspace: resolved.workspace };
}
