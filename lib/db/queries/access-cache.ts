import 'server-only';
import { createHash } from 'node:crypto';

/**
 * A short memory of "this session may see this workspace", for paths asked many times a second by one person
 * (the preview proxy: every request of Swagger UI or the app's own pages). Only yes is remembered, bound to the
 * exact session cookie (its hash) and the workspace, for ACCESS_TTL_MS: a revocation made elsewhere (another
 * server on the same database) takes effect within that time. Revocations made by this server (sign-out, sign
 * out everywhere, a member removed, a workspace deleted) call `forgetAccess`, which takes effect at once.
 */
export const ACCESS_TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;

/** Auth.js's session cookie (`__Secure-` over HTTPS, `.0`, `.1`… when chunked): name and value. */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

type State = { entries: Map<string, number>; epoch: number };
// On globalThis: route bundles and the instrumentation bundle each have their own module instances.
const KEY = Symbol.for('fastdraft.accessCache');
const globals = globalThis as typeof globalThis & { [KEY]?: State };
const state = (): State => {
  globals[KEY] ??= { entries: new Map(), epoch: 0 };
  return globals[KEY];
};

/** The cache key of a session cookie (all of its chunks) and a workspace; null without a session cookie. */
export function accessKey(cookieHeader: string | null, workspaceId: string): string | null {
  if (!cookieHeader) return null;
  const hash = createHash('sha256');
  let found = false;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!SESSION_COOKIE.test(name)) continue;
    found = true;
    hash.update(`${name}=${part.slice(eq + 1).trim()};`);
  }
  return found ? `${hash.digest('base64url')}:${workspaceId}` : null;
}

/** Whether `key` has a remembered yes younger than ACCESS_TTL_MS (no check runs: the fast path asks this). */
export function rememberedAccess(key: string | null, now: () => number = Date.now): boolean {
  if (key === null) return false;
  const { entries } = state();
  const until = entries.get(key);
  if (until !== undefined && until > now()) return true;
  entries.delete(key);
  return false;
}

/**
 * Whether `key` may go on: a remembered yes, else `decide()` (the session and access checks), whose yes is
 * remembered unless a revocation happened while it ran (it may have read the old state).
 */
export async function cachedAccess(
  key: string | null,
  decide: () => Promise<boolean>,
  now: () => number = Date.now,
): Promise<boolean> {
  if (rememberedAccess(key, now)) return true;
  const { entries, epoch } = state();
  const allowed = await decide();
  if (allowed && key !== null && state().epoch === epoch) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(key, now() + ACCESS_TTL_MS);
  }
  return allowed;
}

/** Drops every remembered yes: called by whatever takes access away (rare events, so all of it). */
export function forgetAccess(): void {
  const current = state();
  current.entries.clear();
  current.epoch += 1;
}
