// Loaded by instrumentation.ts outside React's server environment: no `server-only` import here.
import { randomBytes } from 'node:crypto';
import { onServerRequest } from '@/lib/server/request-hooks';

/**
 * Next.js does not hand route handlers the socket's address (it only fills X-Forwarded-For with it when the
 * client sent none, so it cannot be told apart from a forged one). `recordPeerAddresses` copies the socket
 * address of every request the Node server receives into this header, overwriting whatever the client sent;
 * a per-process random prefix makes a copied-in value impossible to forge even when the hook is not installed.
 */
export const PEER_HEADER = 'x-fastdraft-peer';

const holder = globalThis as typeof globalThis & { __fastdraftPeerNonce?: string };

function nonce(): string {
  holder.__fastdraftPeerNonce ??= randomBytes(16).toString('hex');
  return holder.__fastdraftPeerNonce;
}

/** The header value that names `address` as the socket's peer (the hook writes it; tests use it too). */
export const peerHeaderValue = (address: string) => `${nonce()} ${address}`;

export function recordPeerAddresses(): void {
  onServerRequest('peer-address', (request) => {
    request.headers[PEER_HEADER] = peerHeaderValue(request.socket.remoteAddress ?? '');
    return false;
  });
}

/** The socket address recorded for this request, or null (hook not installed, or a value the client made up). */
export function peerAddress(headers: Headers): string | null {
  const [prefix, address] = (headers.get(PEER_HEADER) ?? '').split(' ');
  return prefix === nonce() && address ? address : null;
}
