import { describe, expect, it } from 'vitest';
import { clientPeer } from './clientip.ts';
import { type Cidr, parseCidr } from './ip.ts';

const proxies = ['10.0.0.0/8', '::1'].map((x) => parseCidr(x) as Cidr);
const via = (xff: string | undefined) => clientPeer('10.0.0.1', xff, proxies)?.address;

describe('clientPeer hop syntax', () => {
  it('reads [v6], [v6]:port and v4:port only when the whole hop has that shape', () => {
    expect(via('[2001:db8::7]')).toBe('2001:db8::7');
    expect(via('[2001:db8::7]:443')).toBe('2001:db8::7');
    expect(via('203.10.113.15:8080')).toBe('203.10.113.15');
    for (const garbage of ['x[2001:db8::7]', '[2001:db8::7]:443x', 'x203.10.113.15:80', '203.10.113.15:80x']) {
      expect(via(garbage), garbage).toBe('10.0.0.1');
    }
  });

  it('without a usable peer, or without the header, there is nothing to follow', () => {
    expect(clientPeer('nonsense', '203.0.113.5', proxies)).toBeNull();
    expect(clientPeer(undefined, '203.0.113.5', proxies)).toBeNull();
    expect(via(undefined)).toBe('10.0.0.1');
  });
});
