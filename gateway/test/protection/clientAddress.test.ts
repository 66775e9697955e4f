import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddressKey, clientAddressOf } from '../../src/protection/clientAddress.js';

describe('clientAddressKey', () => {
  it('keeps an IPv4 address whole', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('203.0.113.8')).not.toBe(clientAddressKey('203.0.113.7'));
  });

  it('keys an IPv4-mapped IPv6 address as its IPv4 address, in either notation', () => {
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::FFFF:cb00:7107')).toBe('203.0.113.7');
    expect(clientAddressKey('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('keys an IPv6 address by its /64, written the same whether given full or compressed', () => {
    expect(clientAddressKey('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:DB8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8::1')).toBe('2001:db8::/64');
    expect(clientAddressKey('::1')).toBe('::/64');
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80::/64');
    expect(clientAddressKey('64:ff9b::203.0.113.7')).toBe('64:ff9b::/64');
  });

  it('gives two addresses of one /64 the same key', () => {
    expect(clientAddressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe(clientAddressKey('2001:db8:1:2::9'));
    expect(clientAddressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(clientAddressKey('2001:db8:1:2::'));
  });

  it('gives addresses of different /64s different keys', () => {
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(clientAddressKey('2001:db8:1:2::1'));
    expect(clientAddressKey('2001:db8:2:2::1')).not.toBe(clientAddressKey('2001:db8:1:2::1'));
  });

  it('keeps what is not an address as it is', () => {
    expect(clientAddressKey('unknown')).toBe('unknown');
    expect(clientAddressKey('')).toBe('');
  });
});

describe('clientAddressOf', () => {
  const request = (peer: string, forwardedFor?: string) =>
    ({
      socket: { remoteAddress: peer },
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    }) as unknown as IncomingMessage;

  it("trusting no proxy, is the socket's peer whatever X-Forwarded-For says", () => {
    expect(clientAddressOf(request('10.0.0.1', '203.0.113.1'), 0)).toBe('10.0.0.1');
  });

  it('trusting n proxies, takes the entry n hops in from the right', () => {
    const chain = request('10.0.0.1', ' 198.51.100.9, 203.0.113.1 ,192.0.2.4');
    expect(clientAddressOf(chain, 1)).toBe('192.0.2.4');
    expect(clientAddressOf(chain, 2)).toBe('203.0.113.1');
    expect(clientAddressOf(chain, 3)).toBe('198.51.100.9');
  });

  it('with fewer entries than trusted hops, takes the leftmost; without any, the peer', () => {
    expect(clientAddressOf(request('10.0.0.1', '203.0.113.1'), 5)).toBe('203.0.113.1');
    expect(clientAddressOf(request('10.0.0.1'), 1)).toBe('10.0.0.1');
  });
});
