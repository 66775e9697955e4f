import type { IncomingMessage } from 'node:http';
import { isIP, SocketAddress } from 'node:net';

/**
 * The address of a request's client, by the rule Express applies to `req.ip` when `trust proxy`
 * is a hop count (proxy-addr's): the socket's peer and then the `X-Forwarded-For` entries from
 * right to left, taking the entry `trustedProxyHops` steps in (or the leftmost, if there are
 * fewer). With 0 the socket's peer, whatever the header says: a client cannot pick its address.
 * One function for HTTP requests and WebSocket upgrades, so both are keyed alike.
 */
export function clientAddressOf(request: IncomingMessage, trustedProxyHops: number): string | null {
  const peer = request.socket.remoteAddress ?? null;
  if (trustedProxyHops === 0) return peer;
  // Node joins repeated X-Forwarded-For headers with commas; the type allows a list anyway.
  const header = request.headers['x-forwarded-for'] ?? '';
  const forwarded = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .reverse();
  const hops = [peer, ...forwarded];
  return hops[Math.min(trustedProxyHops, hops.length - 1)] ?? null;
}

/** Bits of an IPv6 address that name the client's network: a /64 is the smallest usual assignment. */
const IPV6_CLIENT_PREFIX_BITS = 64;

/**
 * The key that tells clients apart for per-address limits: an IPv4 address as it is (an
 * IPv4-mapped IPv6 address `::ffff:a.b.c.d` as its IPv4 address), an IPv6 address as its /64
 * (`2001:db8:1:2::/64`), since one subscriber holds a whole /64 and would otherwise get 2^64
 * buckets. Anything else (a proxy's odd `X-Forwarded-For` entry) is kept as given.
 */
export function clientAddressKey(address: string): string {
  const bare = address.replace(/%.*$/, ''); // an IPv6 zone (`fe80::1%eth0`) names our interface, not the client
  const family = isIP(bare);
  if (family === 4) return bare;
  if (family !== 6) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff)
    return groups
      .slice(6)
      .flatMap((group) => [group >> 8, group & 0xff])
      .join('.');
  const prefixGroups = IPV6_CLIENT_PREFIX_BITS / 16;
  const prefix = [...groups.slice(0, prefixGroups), ...Array<number>(8 - prefixGroups).fill(0)];
  const { address: canonical } = new SocketAddress({
    address: prefix.map((group) => group.toString(16)).join(':'),
    family: 'ipv6',
  });
  return `${canonical}/${IPV6_CLIENT_PREFIX_BITS}`;
}

/** The eight 16-bit groups of a valid IPv6 address (`isIP` said so), `::` and a dotted tail expanded. */
function ipv6Groups(address: string): number[] {
  const lastColon = address.lastIndexOf(':');
  const tail = address.slice(lastColon + 1);
  const dotted = tail.includes('.') ? tail.split('.').map(Number) : [];
  const hex = dotted.length === 4 ? address.slice(0, lastColon + 1) + '0:0' : address;
  const [head = '', rest] = hex.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  const groups = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  const [a = 0, b = 0, c = 0, d = 0] = dotted;
  if (dotted.length === 4) groups.splice(6, 2, (a << 8) | b, (c << 8) | d);
  return groups;
}
