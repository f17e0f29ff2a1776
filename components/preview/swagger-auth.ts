/**
 * Swagger UI's authorization, kept per workspace. Swagger UI's own `persistAuthorization` keeps it in
 * localStorage under one key (`authorized`) for the whole origin, so the token of one workspace's preview was
 * sent to every other workspace's preview. Here each workspace has a key of its own, written whenever an
 * authorization is given or removed, read back when Swagger UI has loaded, and cleared when the preview's data
 * was reset (the token then names a user that is gone, and the app's secret is new).
 */

/** Swagger UI's own key (one per origin): never used, and removed where an older version left it. */
export const SHARED_KEY = 'authorized';

export const authStorageKey = (workspaceId: string) => `fastdraft.preview-auth.${workspaceId}`;

type Authorized = Record<string, unknown>;

/** The parts of Swagger UI's system used here. */
export type AuthSystem = {
  authSelectors: { authorized: () => { toJS: () => Authorized } };
  authActions: { restoreAuthorization: (payload: { authorized: Authorized }) => void };
};

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function readAuth(key: string): Authorized | null {
  try {
    const value: unknown = JSON.parse(storage()?.getItem(key) ?? 'null');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Authorized) : null;
  } catch {
    return null;
  }
}

function writeAuth(key: string, authorized: Authorized): void {
  try {
    if (Object.keys(authorized).length === 0) storage()?.removeItem(key);
    else storage()?.setItem(key, JSON.stringify(authorized));
  } catch {
    // Storage full or refused: the authorization lasts as long as the page.
  }
}

export function clearAuth(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing stored.
  }
}

type Action = (...args: unknown[]) => unknown;

/** A Swagger UI plugin that writes the authorization under `key` after every change of it. */
export function authPersistence(key: string) {
  const saving =
    (action: Action, system: AuthSystem) =>
    (...args: unknown[]) => {
      const result = action(...args);
      writeAuth(key, system.authSelectors.authorized().toJS());
      return result;
    };
  return () => ({
    statePlugins: {
      auth: { wrapActions: { authorize: saving, authorizeOauth2: saving, logout: saving } },
    },
  });
}

/** Gives Swagger UI the authorization stored under `key` (once it has loaded). */
export function restoreAuth(system: AuthSystem, key: string): void {
  const stored = readAuth(key);
  if (stored) system.authActions.restoreAuthorization({ authorized: stored });
}

/** Forgets the authorization: in Swagger UI (when loaded) and in storage. */
export function forgetAuth(system: AuthSystem | null, key: string): void {
  clearAuth(key);
  system?.authActions.restoreAuthorization({ authorized: {} });
}
