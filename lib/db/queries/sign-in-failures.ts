import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { signInFailures } from '../schema';

export interface Limits {
  maxFailures: number;
  windowSeconds: number;
}

/** Seconds until any of `keys` may try again, or 0 when none is locked. */
export async function lockedForSeconds(db: Db, keys: string[], limits: Limits, now: Date): Promise<number> {
  const rows = await db.select().from(signInFailures).where(inArray(signInFailures.key, keys));
  let wait = 0;
  for (const row of rows) {
    const endsAt = row.windowStart.getTime() + limits.windowSeconds * 1000;
    if (row.failures >= limits.maxFailures && endsAt > now.getTime()) {
      wait = Math.max(wait, Math.ceil((endsAt - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Counts one failure against each key; a window that has ended starts again at 1. */
export async function recordFailure(db: Db, keys: string[], limits: Limits, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - limits.windowSeconds * 1000);
  for (const key of keys) {
    await db
      .insert(signInFailures)
      .values({ key, failures: 1, windowStart: now })
      .onConflictDoUpdate({
        target: signInFailures.key,
        set: {
          failures: sql`case when ${signInFailures.windowStart} < ${windowStart} then 1 else ${signInFailures.failures} + 1 end`,
          windowStart: sql`case when ${signInFailures.windowStart} < ${windowStart} then ${now} else ${signInFailures.windowStart} end`,
        },
      });
  }
}

export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  await db.delete(signInFailures).where(inArray(signInFailures.key, keys));
}
