const FALLBACK = '/dashboard';
/** A made-up origin: a callback must resolve against it to itself (a path on this site, nothing else). */
const ORIGIN = 'http://fastdraft.invalid';

/**
 * Where sign-in (or sign-up) returns to: only a path on this site. Refused: absolute URLs, `//host`, and
 * anything a browser would turn into one: backslashes (`/\host` is `//host`) and whitespace or control
 * characters (browsers drop tabs and newlines, so `/<TAB>/host` is `//host` too).
 */
export function safeCallback(value: string | undefined | null): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused.
  if (!value || value.length > 2048 || !value.startsWith('/') || /[\\\s\u0000-\u001f\u007f]/.test(value))
    return FALLBACK;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return FALLBACK;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/a/../..//host` resolves to `//host`: what is returned must be a plain path as well.
  return url.origin === ORIGIN && !path.startsWith('//') ? path : FALLBACK;
}

/** Why the sign-in or sign-up page was shown, from where it returns to (null: it was opened directly). */
export function callbackReason(callbackUrl: string): string | null {
  if (callbackUrl === FALLBACK) return null;
  if (callbackUrl.startsWith('/s/')) return 'Sign in to open the shared workspace.';
  return 'Sign in to continue.';
}

/** A sign-in or sign-up page's address that returns to `callbackUrl` (plain when it is the default). */
export function withCallback(page: '/signin' | '/signup', callbackUrl: string): string {
  return callbackUrl === FALLBACK ? page : `${page}?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}
