import 'server-only';
import { env } from '@/lib/env';
import { ApiError } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const isStateChanging = (request: Request) => !SAFE_METHODS.has(request.method.toUpperCase());

/** The app's own origin: AUTH_URL's when set (behind a proxy that rewrites Host), else the request's Host. */
function ownHost(request: Request): { origin?: string; host: string } {
  const { AUTH_URL } = env();
  if (AUTH_URL) return { origin: new URL(AUTH_URL).origin, host: new URL(AUTH_URL).host };
  return { host: request.headers.get('host') ?? new URL(request.url).host };
}

function sameOrigin(origin: string, own: { origin?: string; host: string }): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return own.origin ? url.origin === own.origin : url.host === own.host;
}

/**
 * Refuses a state-changing request a browser sent on behalf of another site (CSRF), the way Go's
 * `http.CrossOriginProtection` decides: `Sec-Fetch-Site` when the browser sends it (`same-origin` or `none`
 * only), else `Origin` against the app's own origin; a request with neither is not from a browser, and JSON
 * routes still demand a JSON content type, which a page on another site cannot send without a CORS preflight.
 */
export function assertSameOrigin(request: Request): void {
  if (!isStateChanging(request)) return;
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  const foreign = site
    ? site !== 'same-origin' && site !== 'none'
    : origin !== null && !sameOrigin(origin, ownHost(request));
  if (foreign) throw new ApiError('forbidden', 'Cross-site requests are refused. Use the app itself.');
}

const JSON_TYPE = /^application\/([\w.+-]+\+)?json\s*(;|$)/i;

/** A JSON route accepts only a JSON body: form, multipart and text/plain bodies are what cross-site forms send. */
export function assertJsonBody(request: Request, expectsBody: boolean): void {
  const type = request.headers.get('content-type');
  if (type === null ? !expectsBody : JSON_TYPE.test(type)) return;
  throw new ApiError(
    'unsupported_media_type',
    'The request body must be JSON (Content-Type: application/json).',
  );
}
