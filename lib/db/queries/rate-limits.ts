import 'server-only';
import { inArray, sql } from 'drizzle-orm';
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

/** Counts one attempt against each key; a window that has ended starts again at 1. */
export async function countAttempt(db: Db, keys: string[], limit: RateLimit, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  for (const key of keys) {
    await db
      .insert(rateLimitCounters)
      .values({ key, count: 1, windowStart: now })
      .onConflictDoUpdate({
        target: rateLimitCounters.key,
        set: {
          count: sql`case when ${rateLimitCounters.windowStart} < ${windowStart} then 1 else ${rateLimitCounters.count} + 1 end`,
          windowStart: sql`case when ${rateLimitCounters.windowStart} < ${windowStart} then ${now} else ${rateLimitCounters.windowStart} end`,
        },
      });
  }
}

export async function clearCounts(db: Db, keys: string[]): Promise<void> {
  await db.delete(rateLimitCounters).where(inArray(rateLimitCounters.key, keys));
}
