import { env } from '@/lib/env';
import { peerAddress } from './peer-address';
import { isTrusted, normalizeIp, parseProxyList } from './proxies';

/** The key of requests whose socket address is unknown (a server other than `next start`'s Node server). */
export const UNKNOWN_ADDRESS = 'unknown';

let parsed: { source: string; list: ReturnType<typeof parseProxyList> } | undefined;
function trustedProxies(source: string | undefined) {
  if (!source) return null;
  if (parsed?.source !== source) parsed = { source, list: parseProxyList(source) };
  return parsed.list;
}

/**
 * The client's address: the key failed sign-ins, sign-ups and unknown share tokens are counted under.
 * It is the socket's peer address; X-Forwarded-For is believed only when that peer is one of TRUSTED_PROXIES,
 * and then only as far back as the chain stays inside them (the first untrusted hop from the right is the
 * client: entries left of it were written by the client and prove nothing).
 */
export function clientAddress(request: { headers: Headers }): string {
  const peer = normalizeIp(peerAddress(request.headers) ?? '');
  if (!peer) return UNKNOWN_ADDRESS;
  const trusted = trustedProxies(env().TRUSTED_PROXIES);
  if (!trusted || !isTrusted(trusted, peer)) return peer;
  const chain = (request.headers.get('x-forwarded-for') ?? '').split(',');
  let client = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = normalizeIp(chain[i] ?? '');
    if (!hop) break;
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}
