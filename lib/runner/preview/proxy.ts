/**
 * Forwards one HTTP request to a preview's Unix socket and streams the answer back. The caller has already
 * decided who may call (session + workspace visibility) and strips `/preview/{id}` from the path.
 */
import fs from 'node:fs';
import http from 'node:http';
import { Readable } from 'node:stream';
import { PREVIEW_CSP } from './csp';

export const MAX_REQUEST_BYTES = 1024 * 1024;
export const RESPONSE_TIMEOUT_MS = 30_000;

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  // The app answers uncompressed, so what we stream back needs no decoding here.
  'accept-encoding',
]);

/** At most this many apps keep idle connections; the least recently used one's are closed first. */
export const MAX_POOLED_APPS = 64;
/** Idle connections close well before uvicorn's own keep-alive limit (5 s), so none is reused as it closes. */
const IDLE_MS = 2_000;

type Pooled = { app: string; agent: http.Agent };
const pool = new Map<string, Pooled>();

/**
 * The socket file's identity: a restarted app binds a new file (new inode and change time) at the same path, so
 * a connection kept to the old app is never handed to the new one. Null when nothing listens there.
 */
function appIdentity(socketPath: string): string | null {
  try {
    const stat = fs.statSync(socketPath, { bigint: true });
    return `${stat.dev}:${stat.ino}:${stat.ctimeNs}`;
  } catch {
    return null;
  }
}

/**
 * Kept-alive connections to the app on `socketPath` (a new connection per request costs a connect and the app's
 * accept on every call). Dropped, and their connections closed, when the app behind the path is another one.
 */
export function agentFor(socketPath: string): http.Agent | undefined {
  const app = appIdentity(socketPath);
  const pooled = pool.get(socketPath);
  if (pooled) pool.delete(socketPath);
  if (pooled && pooled.app !== app) pooled.agent.destroy();
  if (app === null) return undefined;
  const entry =
    pooled?.app === app
      ? pooled
      : {
          app,
          agent: new http.Agent({ keepAlive: true, maxSockets: 16, maxFreeSockets: 4, timeout: IDLE_MS }),
        };
  pool.set(socketPath, entry);
  for (const [key, old] of pool) {
    if (pool.size <= MAX_POOLED_APPS) break;
    pool.delete(key);
    old.agent.destroy();
  }
  return entry.agent;
}

/** Cookies of this app (Auth.js session, CSRF and callback cookies): never shown to a preview. */
const OUR_COOKIE = /^(__Secure-|__Host-)?(authjs|next-auth)\./i;

/** The proxy's own answers carry the same policy as the app's (whoever serves them, nothing under /preview runs). */
function errorResponse(status: number, code: string, message: string): Response {
  return Response.json(
    { error: { code, message } },
    { status, headers: { 'content-security-policy': PREVIEW_CSP, 'x-content-type-options': 'nosniff' } },
  );
}

export const tooLarge = () =>
  errorResponse(
    413,
    'payload_too_large',
    `The request body is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MiB, the limit for previews.`,
  );

/**
 * The request's headers for the app. A body goes on with its declared length, or chunked when none was
 * declared; a request without a body (other than GET and HEAD) says `content-length: 0`, as browsers do.
 */
function requestHeaders(request: Request, url: URL, prefix: string): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of request.headers) {
    if (HOP_BY_HOP.has(name) || name.startsWith('x-forwarded-') || name.startsWith('next-')) continue;
    if (name === 'cookie') {
      const kept = value
        .split(';')
        .map((c) => c.trim())
        .filter((c) => c && !OUR_COOKIE.test(c.split('=')[0] ?? ''));
      if (kept.length > 0) out.cookie = kept.join('; ');
      continue;
    }
    out[name] = value;
  }
  out.host = url.host;
  out['x-forwarded-proto'] = url.protocol.replace(':', '');
  out['x-forwarded-host'] = url.host;
  out['x-forwarded-prefix'] = prefix;
  const declared = request.headers.get('content-length');
  if (request.body && declared !== null) out['content-length'] = declared;
  else if (!request.body && request.method !== 'GET' && request.method !== 'HEAD')
    out['content-length'] = '0';
  return out;
}

/**
 * The only response headers of the app that reach the browser. Everything else (Set-Cookie, Clear-Site-Data,
 * Refresh, Link, Access-Control-*, Content-Security-Policy, Strict-Transport-Security, Service-Worker-Allowed, ...)
 * would act on this IDE's origin, which the preview is served from, and is dropped. `location` is rewritten apart.
 */
const ALLOWED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-language',
  'etag',
  'last-modified',
  'cache-control',
  'expires',
  'vary',
  'allow',
  'www-authenticate',
  'retry-after',
  'x-request-id',
  'ratelimit',
  'ratelimit-policy',
  'ratelimit-limit',
  'ratelimit-remaining',
  'ratelimit-reset',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'x-total-count',
]);

/**
 * Where a redirect of the app may go: a path of the same preview (relative, or absolute on the host it was sent
 * as), re-based under the preview's prefix. Anything else (another origin, `//host`, `javascript:`) is null.
 */
export function previewLocation(
  location: string,
  request: { host: string; upstreamPath: string; prefix: string },
) {
  const origin = `http://${request.host}`;
  let target: URL;
  try {
    target = new URL(location, new URL(request.upstreamPath, origin));
  } catch {
    return null;
  }
  // The app is told its Host, so an absolute URL back to it may come with either scheme.
  const sameOrigin =
    target.host === request.host && (target.protocol === 'http:' || target.protocol === 'https:');
  if (!sameOrigin || target.username || target.password) return null;
  const path = target.pathname;
  const underPrefix = path === request.prefix || path.startsWith(`${request.prefix}/`);
  return `${underPrefix ? '' : request.prefix}${path}${target.search}${target.hash}`;
}

function responseHeaders(incoming: http.IncomingMessage, location: string | null): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || !ALLOWED_RESPONSE_HEADERS.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  if (location !== null) headers.set('location', location);
  headers.set('content-security-policy', PREVIEW_CSP);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('cross-origin-resource-policy', 'same-origin');
  return headers;
}

/**
 * Sends `request` to the app on `socketPath` as `upstreamPath` (path and query, prefix already removed), its
 * body streamed, and streams its answer with only the allowed headers: 413 for a body over the limit (declared,
 * or found while streaming, before the app has answered), 502 for a redirect to another
 * site, 504 when no answer comes within the time limit (an answer still streaming then is cut off), 502 when the
 * app cannot be reached.
 */
export async function forward(
  request: Request,
  options: {
    socketPath: string;
    upstreamPath: string;
    prefix: string;
    timeoutMs?: number;
    maxBodyBytes?: number;
    onActivity?: () => void;
  },
): Promise<Response> {
  const timeoutMs = options.timeoutMs ?? RESPONSE_TIMEOUT_MS;
  const limit = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= limit)) return tooLarge();
  const url = new URL(request.url);
  return new Promise<Response>((resolve) => {
    let answered = false;
    const upstream = http.request({
      socketPath: options.socketPath,
      agent: agentFor(options.socketPath),
      method: request.method,
      path: options.upstreamPath,
      headers: requestHeaders(request, url, options.prefix),
    });
    const timer = setTimeout(() => {
      upstream.destroy(new Error('timeout'));
      if (!answered) {
        answered = true;
        resolve(
          errorResponse(504, 'preview_timeout', `The preview did not answer within ${timeoutMs / 1000} s.`),
        );
      }
    }, timeoutMs);
    upstream.on('response', (incoming) => {
      answered = true;
      options.onActivity?.();
      incoming.on('end', () => clearTimeout(timer));
      incoming.on('error', () => clearTimeout(timer));
      incoming.on('close', () => clearTimeout(timer));
      const status = incoming.statusCode ?? 502;
      const raw = incoming.headers.location;
      const location =
        raw === undefined
          ? null
          : previewLocation(raw, {
              host: url.host,
              upstreamPath: options.upstreamPath,
              prefix: options.prefix,
            });
      // A redirect elsewhere is refused; a foreign Location on another answer (201) is only dropped.
      if (location === null && raw !== undefined && status >= 300 && status < 400) {
        incoming.resume();
        clearTimeout(timer);
        return resolve(
          errorResponse(
            502,
            'preview_redirect_refused',
            'The preview answered with a redirect to another site, which is not followed from here.',
          ),
        );
      }
      const noBody = request.method === 'HEAD' || status === 204 || status === 304;
      if (noBody) incoming.resume();
      const stream = noBody ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
      resolve(
        new Response(stream, {
          status,
          statusText: incoming.statusMessage,
          headers: responseHeaders(incoming, location),
        }),
      );
    });
    upstream.on('error', (error) => {
      clearTimeout(timer);
      if (answered) return;
      answered = true;
      resolve(
        errorResponse(502, 'preview_unreachable', `The preview could not be reached: ${error.message}.`),
      );
    });
    request.signal?.addEventListener('abort', () => upstream.destroy(), { once: true });
    if (!request.body) return void upstream.end();
    sendBody(request.body, upstream, limit).then((within) => {
      if (within) return;
      if (!answered) {
        answered = true;
        clearTimeout(timer);
        resolve(tooLarge());
      }
      // Nothing past the limit reached the app, and it never sees the request end (an answer it already
      // started is cut off too).
      upstream.destroy();
    });
  });
}

/**
 * Streams `body` to the app as it arrives (waiting while the socket is full), stopping before the chunk that
 * would pass `limit` bytes: false then. A body that fails to arrive (the client went away) ends the request.
 */
async function sendBody(
  body: ReadableStream<Uint8Array>,
  upstream: http.ClientRequest,
  limit: number,
): Promise<boolean> {
  const reader = body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return false;
      }
      if (upstream.destroyed) return true;
      if (!upstream.write(value)) await drained(upstream);
    }
    upstream.end();
  } catch {
    upstream.destroy();
  }
  return true;
}

/** Resolves when the socket takes more, or is gone. */
const drained = (upstream: http.ClientRequest) =>
  new Promise<void>((resolve) => {
    const done = () => {
      upstream.off('drain', done);
      upstream.off('close', done);
      resolve();
    };
    upstream.on('drain', done);
    upstream.on('close', done);
  });
