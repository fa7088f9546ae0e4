import { describe, expect, it } from 'vitest';
import { clientPeer } from './clientip.ts';
import { type Cidr, formatSubnet, normalizePeer, parseCidr, rateKey } from './ip.ts';

const cidrs = (...s: string[]) => s.map((x) => parseCidr(x) as Cidr);

describe('normalizePeer', () => {
  it('unmaps IPv4-mapped IPv6 and drops zone ids', () => {
    expect(normalizePeer('::ffff:203.0.113.5')).toEqual({ address: '203.0.113.5', family: 4 });
    expect(normalizePeer('fe80::1%eth0')).toEqual({ address: 'fe80::1', family: 6 });
    expect(normalizePeer('2001:DB8:0::1')).toEqual({ address: '2001:db8::1', family: 6 });
    expect(normalizePeer('nonsense')).toBeNull();
  });

  it('rate-limits IPv6 per /64', () => {
    expect(rateKey({ address: '2001:db8:1:2::1', family: 6 })).toBe(rateKey({ address: '2001:db8:1:2:ffff::9', family: 6 }));
    expect(rateKey({ address: '2001:db8:1:2::1', family: 6 })).not.toBe(rateKey({ address: '2001:db8:1:3::1', family: 6 }));
  });

  it('formats subnets with host bits cleared', () => {
    expect(formatSubnet(4, Buffer.from([10, 1, 2]), 23)).toBe('10.1.2.0/23');
    expect(formatSubnet(4, Buffer.from([10, 1, 3]), 23)).toBe('10.1.2.0/23');
  });
});

describe('clientPeer', () => {
  const proxies = cidrs('10.0.0.0/8', '::1');
  it('ignores X-Forwarded-For from untrusted peers', () => {
    expect(clientPeer('198.51.100.9', '203.0.113.5', proxies)?.address).toBe('198.51.100.9');
    expect(clientPeer('10.0.0.1', '203.0.113.5', [])?.address).toBe('10.0.0.1');
  });

  it('takes the right-most hop that is not a trusted proxy', () => {
    expect(clientPeer('10.0.0.1', '203.0.113.5', proxies)).toEqual({ address: '203.0.113.5', family: 4 });
    // the client forged 1.2.3.4; the proxies appended the real 203.0.113.5 and each other
    expect(clientPeer('::ffff:10.0.0.1', '1.2.3.4, 203.0.113.5, 10.0.0.7', proxies)?.address).toBe('203.0.113.5');
    expect(clientPeer('::1', ['1.2.3.4', '[2001:db8::7]:443'], proxies)).toEqual({ address: '2001:db8::7', family: 6 });
    expect(clientPeer('10.0.0.1', '203.0.113.5:1234', proxies)?.address).toBe('203.0.113.5');
  });

  it('stops at garbage and keeps the last hop it can vouch for', () => {
    expect(clientPeer('10.0.0.1', 'unknown, 10.0.0.2', proxies)?.address).toBe('10.0.0.2');
    expect(clientPeer('10.0.0.1', '10.0.0.3', proxies)?.address).toBe('10.0.0.3'); // all trusted: left-most
  });
});
