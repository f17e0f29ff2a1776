import 'server-only';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../connect';
import { userSessions } from '../schema';

const DAY_MS = 86_400_000;

/** Starts a session for a sign-in; its id goes into the JWT. The user's long-revoked rows are dropped. */
export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  await db
    .delete(userSessions)
    .where(
      and(eq(userSessions.userId, userId), lt(userSessions.revokedAt, new Date(now.getTime() - DAY_MS))),
    );
  const rows = await db.insert(userSessions).values({ userId }).returning({ id: userSessions.id });
  return rows[0]!.id;
}

/** Whether a session exists and is not revoked. */
export async function sessionActive(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: userSessions.id })
    .from(userSessions)
    .where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)))
    .limit(1);
  return rows.length > 0;
}

export async function revokeSession(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)));
}

/** Revokes every session of a user; returns their ids. */
export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<string[]> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: now })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.map((r) => r.id);
}
