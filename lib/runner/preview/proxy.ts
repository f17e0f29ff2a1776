/**
 * Forwards one HTTP request to a preview's Unix socket and streams the answer back. The caller has already
 * decided who may call (session + workspace visibility) and strips `/preview/{id}` from the path.
 */
import fs from 'node:fs';
import http from 'node:http';
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
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

/** Headers of the proxy's own answers, as of the app's (whoever serves them, nothing under /preview runs). */
const OWN_HEADERS: [string, string][] = [
  ['content-security-policy', PREVIEW_CSP],
  ['x-content-type-options', 'nosniff'],
];

/** The proxy's own answer (an error): `forward` turns it into a Response, `forwardNode` writes it. */
type ProxyError = { kind: 'error'; status: number; code: string; message: string };
/** The app's answer: its status, the headers allowed through, its body (null for HEAD, 204 and 304). */
type AppAnswer = {
  kind: 'app';
  status: number;
  statusText: string | undefined;
  headers: [string, string][];
  body: http.IncomingMessage | null;
};
type Answer = ProxyError | AppAnswer;

const proxyError = (status: number, code: string, message: string): ProxyError => ({
  kind: 'error',
  status,
  code,
  message,
});

const TOO_LARGE = proxyError(
  413,
  'payload_too_large',
  `The request body is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MiB, the limit for previews.`,
);

const errorBody = (error: ProxyError) => ({ error: { code: error.code, message: error.message } });

const errorResponse = (error: ProxyError) =>
  Response.json(errorBody(error), { status: error.status, headers: OWN_HEADERS });

/** What the proxy needs of a request, whichever server received it. */
export type IncomingRequest = {
  method: string;
  headers: Iterable<[string, string]>;
  /** The Host the client asked for (the app is told it, and its redirects are judged against it). */
  host: string;
  protocol: 'http' | 'https';
  hasBody: boolean;
  declaredLength: string | null;
};

/** Where a request goes: the app's socket, the path (prefix already removed) and the prefix it was served under. */
export type ForwardTarget = {
  socketPath: string;
  upstreamPath: string;
  prefix: string;
  timeoutMs?: number;
  onActivity?: () => void;
};

/**
 * The request's headers for the app. A body goes on with its declared length, or chunked when none was
 * declared; a request without a body (other than GET and HEAD) says `content-length: 0`, as browsers do.
 * This server's own headers (`x-fastdraft-*`, `next-*`) and forwarding headers the client made up stay here.
 */
function requestHeaders(request: IncomingRequest, prefix: string): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of request.headers) {
    if (
      HOP_BY_HOP.has(name) ||
      name.startsWith('x-forwarded-') ||
      name.startsWith('next-') ||
      name.startsWith('x-fastdraft-')
    )
      continue;
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
  out.host = request.host;
  out['x-forwarded-proto'] = request.protocol;
  out['x-forwarded-host'] = request.host;
  out['x-forwarded-prefix'] = prefix;
  if (request.hasBody && request.declaredLength !== null) out['content-length'] = request.declaredLength;
  else if (!request.hasBody && request.method !== 'GET' && request.method !== 'HEAD')
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

function responseHeaders(incoming: http.IncomingMessage, location: string | null): [string, string][] {
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined || !ALLOWED_RESPONSE_HEADERS.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.push([name, v]);
  }
  if (location !== null) headers.push(['location', location]);
  headers.push(
    ...OWN_HEADERS,
    ['referrer-policy', 'same-origin'],
    ['cross-origin-resource-policy', 'same-origin'],
  );
  return headers;
}

/**
 * Sends the request to the app and settles `answer` with its answer (streaming on) or the proxy's error: 502
 * for a redirect to another site or an app that cannot be reached, 504 when no answer comes within the time
 * limit (an answer still streaming then is cut off). The caller writes the request body to `upstream`, and may
 * `refuse` with an error of its own while no answer has come.
 */
function exchange(request: IncomingRequest, target: ForwardTarget) {
  const timeoutMs = target.timeoutMs ?? RESPONSE_TIMEOUT_MS;
  let answered = false;
  let settle!: (answer: Answer) => void;
  const answer = new Promise<Answer>((resolve) => {
    settle = resolve;
  });
  const once = (value: Answer) => {
    if (answered) return false;
    answered = true;
    settle(value);
    return true;
  };
  const upstream = http.request({
    socketPath: target.socketPath,
    agent: agentFor(target.socketPath),
    method: request.method,
    path: target.upstreamPath,
    headers: requestHeaders(request, target.prefix),
  });
  const timer = setTimeout(() => {
    upstream.destroy(new Error('timeout'));
    once(proxyError(504, 'preview_timeout', `The preview did not answer within ${timeoutMs / 1000} s.`));
  }, timeoutMs);
  upstream.on('response', (incoming) => {
    target.onActivity?.();
    const stop = () => clearTimeout(timer);
    incoming.on('end', stop);
    incoming.on('error', stop);
    incoming.on('close', stop);
    const status = incoming.statusCode ?? 502;
    const raw = incoming.headers.location;
    const location =
      raw === undefined
        ? null
        : previewLocation(raw, {
            host: request.host,
            upstreamPath: target.upstreamPath,
            prefix: target.prefix,
          });
    // A redirect elsewhere is refused; a foreign Location on another answer (201) is only dropped.
    if (location === null && raw !== undefined && status >= 300 && status < 400) {
      incoming.resume();
      stop();
      once(
        proxyError(
          502,
          'preview_redirect_refused',
          'The preview answered with a redirect to another site, which is not followed from here.',
        ),
      );
      return;
    }
    const noBody = request.method === 'HEAD' || status === 204 || status === 304;
    if (noBody) incoming.resume();
    once({
      kind: 'app',
      status,
      statusText: incoming.statusMessage,
      headers: responseHeaders(incoming, location),
      body: noBody ? null : incoming,
    });
  });
  upstream.on('error', (error) => {
    clearTimeout(timer);
    once(proxyError(502, 'preview_unreachable', `The preview could not be reached: ${error.message}.`));
  });
  const refuse = (error: ProxyError) => {
    if (once(error)) clearTimeout(timer);
  };
  return { upstream, answer, refuse };
}

/** A web Request as the proxy sees it (the route handler's, or one the assistant made). */
function fromWebRequest(request: Request): IncomingRequest {
  const url = new URL(request.url);
  return {
    method: request.method,
    headers: request.headers,
    host: request.headers.get('host') ?? url.host,
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    hasBody: request.body !== null,
    declaredLength: request.headers.get('content-length'),
  };
}

/**
 * Sends `request` to the app on `options.socketPath` as `upstreamPath` (path and query, prefix already removed),
 * its body streamed, and streams its answer with only the allowed headers: 413 for a body over the limit
 * (declared, or found while streaming, before the app has answered), and the errors of `exchange`.
 */
export async function forward(
  request: Request,
  options: ForwardTarget & { maxBodyBytes?: number },
): Promise<Response> {
  const limit = options.maxBodyBytes ?? MAX_REQUEST_BYTES;
  const incoming = fromWebRequest(request);
  if (incoming.declaredLength !== null && !(Number(incoming.declaredLength) <= limit))
    return errorResponse(TOO_LARGE);
  const { upstream, answer, refuse } = exchange(incoming, options);
  request.signal?.addEventListener('abort', () => upstream.destroy(), { once: true });
  if (!request.body) upstream.end();
  else
    void sendBody(request.body, upstream, limit).then((within) => {
      if (within) return;
      refuse(TOO_LARGE);
      // Nothing past the limit reached the app, and it never sees the request end (an answer it already
      // started is cut off too).
      upstream.destroy();
    });
  const settled = await answer;
  if (settled.kind === 'error') return errorResponse(settled);
  return new Response(settled.body && (Readable.toWeb(settled.body) as ReadableStream<Uint8Array>), {
    status: settled.status,
    statusText: settled.statusText,
    headers: settled.headers,
  });
}

/**
 * The same for a request without a body received by Node's own server (the fast path, fast-path.ts), written
 * to `res` with `extraHeaders` on top (what next.config.ts adds to the route's answers, which this path skips).
 */
export function forwardNode(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  request: IncomingRequest,
  options: ForwardTarget & { extraHeaders: [string, string][] },
): void {
  const { upstream, answer } = exchange(request, options);
  // The client went away before the answer ended: so does the request to the app.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.on('error', () => upstream.destroy());
  upstream.end();
  const overridden = new Set(options.extraHeaders.map(([name]) => name));
  const withExtra = (headers: [string, string][]) => [
    ...headers.filter(([name]) => !overridden.has(name)),
    ...options.extraHeaders,
  ];
  void answer.then((settled) => {
    if (res.destroyed) return settled.kind === 'app' ? settled.body?.destroy() : undefined;
    if (settled.kind === 'error') {
      const body = JSON.stringify(errorBody(settled));
      res.writeHead(
        settled.status,
        withExtra([
          ['content-type', 'application/json'],
          ['content-length', String(Buffer.byteLength(body))],
          ...OWN_HEADERS,
        ]).flat(),
      );
      return void res.end(body);
    }
    const gzip = settled.body !== null && wantsGzip(req, settled.headers);
    const headers = gzip ? withGzip(settled.headers) : settled.headers;
    res.writeHead(settled.status, settled.statusText, withExtra(headers).flat());
    if (!settled.body) return void res.end();
    const onError = (error: Error | null) => {
      if (error) res.destroy();
    };
    // Each chunk of the app is flushed as it comes (an app that streams stays streaming).
    if (gzip) pipeline(settled.body, zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH }), res, onError);
    else pipeline(settled.body, res, onError);
  });
}

/** Types worth compressing (what Next.js's compression takes for the route's answers: text, JSON, XML, JS, SVG). */
const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:[\w.-]+\+)?(?:json|xml|javascript)\b|image\/svg\+xml)/i;

/** Next.js gzips the route's answers for a client that takes gzip; so does the fast path, for the same answer. */
function wantsGzip(req: http.IncomingMessage, headers: [string, string][]): boolean {
  const type = headers.find(([name]) => name === 'content-type')?.[1];
  if (!type || !COMPRESSIBLE.test(type)) return false;
  return String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return (coding === 'gzip' || coding === '*') && !(q && Number(q.slice(2)) === 0);
    });
}

function withGzip(headers: [string, string][]): [string, string][] {
  const vary = headers.filter(([name]) => name === 'vary').map(([, value]) => value);
  return [
    ...headers.filter(([name]) => name !== 'vary'),
    ['vary', [...vary, 'Accept-Encoding'].join(', ')],
    ['content-encoding', 'gzip'],
  ];
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
