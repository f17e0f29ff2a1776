import net from 'node:net';

/** An IP address in one canonical form (IPv4-mapped IPv6 as plain IPv4), or null when it is not one. */
export function normalizeIp(value: string): string | null {
  const v = value.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(v);
  const address = mapped ? mapped[1]! : v;
  return net.isIP(address) ? address.toLowerCase() : null;
}

const family = (address: string) => (net.isIP(address) === 4 ? 'ipv4' : 'ipv6');

/** `TRUSTED_PROXIES` (comma-separated IPs or CIDRs) as a set to test addresses against; null when malformed. */
export function parseProxyList(value: string): net.BlockList | null {
  const list = new net.BlockList();
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, prefix, extra] = entry.split('/');
    const ip = normalizeIp(address ?? '');
    if (!ip || extra !== undefined) return null;
    if (prefix === undefined) {
      list.addAddress(ip, family(ip));
      continue;
    }
    const bits = Number(prefix);
    const max = family(ip) === 'ipv4' ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || bits > max) return null;
    list.addSubnet(ip, bits, family(ip));
  }
  return list;
}

export const isTrusted = (list: net.BlockList, address: string) => list.check(address, family(address));
