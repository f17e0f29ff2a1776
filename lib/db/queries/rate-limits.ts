import 'server-only';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { rateLimitCounters } from '../schema';

/** At most `max` counted attempts per key within a fixed window of `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/** Seconds until every one of `keys` may try again, or 0 when none is locked. */
export async function lockedForSeconds(db: Db, keys: string[], limit: RateLimit, now: Date): Promise<number> {
  const rows = await db.select().from(rateLimitCounters).where(inArray(rateLimitCounters.key, keys));
  let wait = 0;
  for (const row of rows) {
    const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
    if (row.count >= limit.max && endsAt > now.getTime())
      wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
  }
  return wait;
}

const MAX_COUNT = 2_147_483_647;

/** Upsert values that count one attempt: a window that has ended starts again at 1 (the count never overflows). */
function counting(key: string, limit: RateLimit, now: Date) {
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  const ended = sql`${rateLimitCounters.windowStart} < ${windowStart}`;
  return {
    values: { key, count: 1, windowStart: now },
    set: {
      count: sql`case when ${ended} then 1 else least(${rateLimitCounters.count} + 1, ${MAX_COUNT}) end`,
      windowStart: sql`case when ${ended} then ${now} else ${rateLimitCounters.windowStart} end`,
    },
  };
}

export interface Attempt {
  /** This attempt is within the limit: go ahead. */
  allowed: boolean;
  /** Seconds until the key may try again after this attempt (0 while attempts are left). */
  lockedForSeconds: number;
}

/**
 * Counts an attempt first and says whether it may go ahead, in one statement: parallel attempts each get their
 * own count, so no more than `max` of them are ever allowed within a window (check-then-count let 100 through).
 */
export async function takeAttempt(db: Db, key: string, limit: RateLimit, now: Date): Promise<Attempt> {
  const { values, set } = counting(key, limit, now);
  const rows = await db
    .insert(rateLimitCounters)
    .values(values)
    .onConflictDoUpdate({ target: rateLimitCounters.key, set })
    .returning({ count: rateLimitCounters.count, windowStart: rateLimitCounters.windowStart });
  const row = rows[0]!;
  const endsAt = row.windowStart.getTime() + limit.windowSeconds * 1000;
  const wait = Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
  return { allowed: row.count <= limit.max, lockedForSeconds: row.count >= limit.max ? wait : 0 };
}

/** Gives back an attempt `takeAttempt` counted (one that turned out not to be a failure). */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimitCounters)
    .set({ count: sql`greatest(${rateLimitCounters.count} - 1, 0)` })
    .where(eq(rateLimitCounters.key, key));
}

/** Counts one attempt against each key; a window that has ended starts again at 1. */
export async function countAttempt(db: Db, keys: string[], limit: RateLimit, now: Date): Promise<void> {
  for (const key of keys) {
    const { values, set } = counting(key, limit, now);
    await db
      .insert(rateLimitCounters)
      .values(values)
      .onConflictDoUpdate({ target: rateLimitCounters.key, set });
  }
}

export async function clearCounts(db: Db, keys: string[]): Promise<void> {
  await db.delete(rateLimitCounters).where(inArray(rateLimitCounters.key, keys));
}
