import 'server-only';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { assistantRequests } from '../schema';

export type AssistantLimits = { requestsPerHour: number; tokensPerDay: number };

export type Admission =
  | { ok: true; requestId: string; tokensLeft: number }
  | { ok: false; reason: 'requests' | 'tokens'; retryAfterSeconds: number };

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Records a request of `userId` and admits it when, counting it, the user is within `limits` (requests in the
 * last hour, tokens in the last day). Inserting before counting keeps concurrent requests from both slipping
 * under the limit; a refused request removes its row again.
 */
export async function admitAssistantRequest(
  db: Db,
  userId: string,
  workspaceId: string,
  limits: AssistantLimits,
  now: Date,
): Promise<Admission> {
  const [row] = await db
    .insert(assistantRequests)
    .values({ userId, workspaceId, createdAt: now })
    .returning({ id: assistantRequests.id });
  if (!row) throw new Error('insert returned no row');
  const hourAgo = new Date(now.getTime() - HOUR);
  const dayAgo = new Date(now.getTime() - DAY);
  const [usage] = await db
    .select({
      requests: sql<number>`count(*) filter (where ${assistantRequests.createdAt} > ${hourAgo})`.mapWith(
        Number,
      ),
      oldestRequest: sql<
        string | null
      >`min(${assistantRequests.createdAt}) filter (where ${assistantRequests.createdAt} > ${hourAgo})`,
      tokens: sql<number>`coalesce(sum(${assistantRequests.tokens}), 0)`.mapWith(Number),
      oldestTokens: sql<
        string | null
      >`min(${assistantRequests.createdAt}) filter (where ${assistantRequests.tokens} > 0)`,
    })
    .from(assistantRequests)
    .where(and(eq(assistantRequests.userId, userId), gt(assistantRequests.createdAt, dayAgo)));
  const requests = usage?.requests ?? 0;
  const tokens = usage?.tokens ?? 0;
  const waitUntil = (oldest: string | null | undefined, window: number) =>
    Math.max(
      1,
      Math.ceil(((oldest ? new Date(oldest).getTime() : now.getTime()) + window - now.getTime()) / 1000),
    );
  let refusal: Admission | null = null;
  if (requests > limits.requestsPerHour)
    refusal = { ok: false, reason: 'requests', retryAfterSeconds: waitUntil(usage?.oldestRequest, HOUR) };
  else if (tokens >= limits.tokensPerDay)
    refusal = { ok: false, reason: 'tokens', retryAfterSeconds: waitUntil(usage?.oldestTokens, DAY) };
  if (refusal) {
    await db.delete(assistantRequests).where(eq(assistantRequests.id, row.id));
    return refusal;
  }
  return { ok: true, requestId: row.id, tokensLeft: limits.tokensPerDay - tokens };
}

/** Adds the tokens a finished (or stopped) request used. */
export async function recordAssistantTokens(db: Db, requestId: string, tokens: number): Promise<void> {
  if (tokens <= 0) return;
  await db
    .update(assistantRequests)
    .set({ tokens: sql`${assistantRequests.tokens} + ${Math.round(tokens)}` })
    .where(eq(assistantRequests.id, requestId));
}
