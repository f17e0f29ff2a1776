import { describe, expect, it, vi } from 'vitest';
import { PEER_HEADER, peerHeaderValue } from './peer-address';
import { parseProxyList } from './proxies';

const env = { TRUSTED_PROXIES: undefined as string | undefined };
vi.mock('@/lib/env', () => ({ env: () => env }));
const { clientAddress, UNKNOWN_ADDRESS } = await import('./client-address');

const from = (peer: string | null, forwarded?: string) =>
  clientAddress({
    headers: new Headers({
      ...(peer ? { [PEER_HEADER]: peerHeaderValue(peer) } : {}),
      ...(forwarded ? { 'x-forwarded-for': forwarded } : {}),
    }),
  });

describe('clientAddress', () => {
  it('is the socket address without TRUSTED_PROXIES, whatever X-Forwarded-For says', () => {
    env.TRUSTED_PROXIES = undefined;
    expect(from('203.0.113.7', '1.2.3.4')).toBe('203.0.113.7');
    expect(from('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('refuses a peer header the client made up, and says when the socket address is unknown', () => {
    const forged = new Headers({ [PEER_HEADER]: 'guess 198.51.100.1', 'x-forwarded-for': '198.51.100.1' });
    expect(clientAddress({ headers: forged })).toBe(UNKNOWN_ADDRESS);
    expect(from(null, '198.51.100.1')).toBe(UNKNOWN_ADDRESS);
  });

  it('believes X-Forwarded-For from trusted proxies only, back to the first untrusted hop', () => {
    env.TRUSTED_PROXIES = '10.0.0.0/8, 192.0.2.1';
    // Client-written entries left of the hop the proxy saw prove nothing.
    expect(from('10.1.2.3', '6.6.6.6, 198.51.100.9')).toBe('198.51.100.9');
    expect(from('10.1.2.3', '198.51.100.9, 192.0.2.1')).toBe('198.51.100.9');
    // A peer that is not a proxy is the client, even when it sends the header.
    expect(from('198.51.100.50', '6.6.6.6')).toBe('198.51.100.50');
    // Garbage in the chain stops the walk at the last good hop.
    expect(from('10.1.2.3', 'not-an-ip')).toBe('10.1.2.3');
  });

  it('parses TRUSTED_PROXIES strictly', () => {
    expect(parseProxyList('10.0.0.0/8,::1,2001:db8::/32')).not.toBeNull();
    for (const bad of ['10.0.0.0/33', 'example.com', '10.0.0.1/8/1', '::1/129']) {
      expect(parseProxyList(bad)).toBeNull();
    }
  });
});
