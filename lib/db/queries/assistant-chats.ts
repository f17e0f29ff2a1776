import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../connect';
import { assistantChats } from '../schema';

/** The stored conversation (UI messages as the chat panel keeps them), or none. */
export async function loadChat(db: Db, workspaceId: string, userId: string): Promise<unknown[]> {
  const rows = await db
    .select({ messages: assistantChats.messages })
    .from(assistantChats)
    .where(and(eq(assistantChats.workspaceId, workspaceId), eq(assistantChats.userId, userId)))
    .limit(1);
  const messages = rows[0]?.messages;
  return Array.isArray(messages) ? messages : [];
}

export async function saveChat(
  db: Db,
  workspaceId: string,
  userId: string,
  messages: unknown[],
): Promise<void> {
  await db
    .insert(assistantChats)
    .values({ workspaceId, userId, messages })
    .onConflictDoUpdate({
      target: [assistantChats.workspaceId, assistantChats.userId],
      set: { messages, updatedAt: sql`now()` },
    });
}

export async function clearChat(db: Db, workspaceId: string, userId: string): Promise<void> {
  await db
    .delete(assistantChats)
    .where(and(eq(assistantChats.workspaceId, workspaceId), eq(assistantChats.userId, userId)));
}
