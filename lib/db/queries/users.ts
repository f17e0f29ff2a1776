import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { isUniqueViolation } from '../errors';
import { users } from '../schema';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return rows[0] ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Creates a user; returns null when the email is taken (case-insensitive). */
export async function createUser(
  db: Db,
  input: { email: string; name: string | null; passwordHash: string },
): Promise<UserRow | null> {
  try {
    const rows = await db.insert(users).values(input).returning();
    return rows[0] ?? null;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}
