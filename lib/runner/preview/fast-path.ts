import type http from 'node:http';
import { accessKey, rememberedAccess } from '@/lib/db/queries/access-cache';
import { onServerRequest } from '@/lib/server/request-hooks';
import { PREVIEW_ROUTE_HEADERS, SITE_HEADERS } from './csp';
import { existingPreviewManager } from './manager';
import { forwardNode, type IncomingRequest } from './proxy';

/**
 * `/preview/{uuid}`, then a path Next.js would route as it is: no empty, `.` or `..` segment (plain or
 * percent-encoded), no encoded slash or backslash, no trailing slash (Next.js redirects those), only characters
 * the URL parser keeps as they are (so the route would see the very same path and query). Anything else goes to
 * Next.js, which decides as it always did.
 */
const SEGMENT_CHARS = String.raw`[\w.\-~!$&'()*+,;=:@]`;
const QUERY_CHARS = String.raw`[\w.\-~!$&()*+,;=:@%/?]`;
const PREVIEW_URL = new RegExp(
  `^/preview/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})` +
    String.raw`((?:/${SEGMENT_CHARS}*(?:%[0-9a-f]{2}${SEGMENT_CHARS}*)*)*)(\?${QUERY_CHARS}*)?$`,
  'i',
);
const ODD_SEGMENT = /\/(?:\.|%2e){1,2}(?:\/|$)|\/\/|\/$|%2f|%5c/i;

/** What next.config.ts adds to every answer under /preview/, which Next.js does not see on this path. */
const ROUTE_HEADERS: [string, string][] = (() => {
  const byName = new Map<string, string>();
  for (const [name, value] of [...SITE_HEADERS, ...PREVIEW_ROUTE_HEADERS])
    byName.set(name.toLowerCase(), value);
  return [...byName];
})();

/**
 * Answers a preview request itself when the route would only forward it: a GET or HEAD without a body, of a
 * session cookie and workspace whose access yes is remembered (lib/db/queries/access-cache.ts), to a running
 * preview. The route's checks made that yes (within ACCESS_TTL_MS; a revocation forgets it at once), so this
 * skips Next.js's router (~1.6 ms a request here) and nothing else. False for everything else: Next.js then
 * routes it to `app/preview/[id]/[[...path]]/route.ts`, which checks, remembers and forwards as always.
 * State-changing methods always go there (the same-origin check lives there), as do misses and stopped previews.
 */
export function previewFastPath(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const declared = req.headers['content-length'];
  if (req.headers['transfer-encoding'] !== undefined || (declared !== undefined && declared !== '0'))
    return false;
  const url = req.url ?? '';
  const match = PREVIEW_URL.exec(url);
  if (!match) return false;
  const [, id = '', rest = '', search = ''] = match;
  if (ODD_SEGMENT.test(rest)) return false;
  if (!rememberedAccess(accessKey(req.headers.cookie ?? null, id))) return false;
  const manager = existingPreviewManager();
  const socketPath = manager?.socketFor(id);
  if (!manager || !socketPath) return false;
  const host = req.headers.host;
  if (!host) return false;
  const request: IncomingRequest = {
    method: req.method,
    headers: headerEntries(req.headers),
    host,
    // As Next.js decides it for the route (attachRequestMeta): the client's X-Forwarded-Proto.
    protocol: String(req.headers['x-forwarded-proto'] ?? '').includes('https') ? 'https' : 'http',
    hasBody: false,
    declaredLength: null,
  };
  forwardNode(req, res, request, {
    socketPath,
    upstreamPath: `${rest || '/'}${search}`,
    prefix: `/preview/${id}`,
    onActivity: () => manager.touch(id),
    extraHeaders: ROUTE_HEADERS,
  });
  return true;
}

function* headerEntries(headers: http.IncomingHttpHeaders): Iterable<[string, string]> {
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    yield [name, Array.isArray(value) ? value.join(', ') : value];
  }
}

/** Puts the fast path in front of Next.js's router (instrumentation.ts, once per process). */
export function installPreviewFastPath(): void {
  onServerRequest('preview-fast-path', previewFastPath);
}
