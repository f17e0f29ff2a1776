import 'server-only';
import type { Db } from '@/lib/db/connect';
import { forgetAccess } from '@/lib/db/queries/access-cache';
import { createSession, revokeSession, revokeUserSessions, sessionActive } from '@/lib/db/queries/sessions';

// How long an active session is believed without asking the database again. A revocation made by this server
// takes effect at once; one made by another server on the same database within this time.
const TRUST_ACTIVE_MS = 10_000;
const MAX_CACHED = 10_000;

const holder = globalThis as typeof globalThis & { __fastdraftActiveSessions?: Map<string, number> };
const cache = () => {
  holder.__fastdraftActiveSessions ??= new Map();
  return holder.__fastdraftActiveSessions;
};

export const startSession = (db: Db, userId: string) => createSession(db, userId);

/** Whether the session a JWT names (`sid`) may still be used: not signed out, not revoked everywhere. */
export async function isSessionActive(db: Db, id: string, now = Date.now()): Promise<boolean> {
  const active = cache();
  if ((active.get(id) ?? 0) > now) return true;
  active.delete(id);
  if (!(await sessionActive(db, id))) return false;
  if (active.size >= MAX_CACHED) active.delete(active.keys().next().value!);
  active.set(id, now + TRUST_ACTIVE_MS);
  return true;
}

/** Sign-out: this session's JWT stops working, wherever it was copied to. */
export async function endSession(db: Db, id: string): Promise<void> {
  cache().delete(id);
  await revokeSession(db, id, new Date());
  forgetAccess();
}

/** "Sign out everywhere": every session of the user stops working. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  for (const id of await revokeUserSessions(db, userId, new Date())) cache().delete(id);
  forgetAccess();
}
