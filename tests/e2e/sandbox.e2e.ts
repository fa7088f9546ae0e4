// Every browser a test starts runs in this namespace: prove it has no way out before trusting any test.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test('the sealed network has loopback and its own veth pair, and nothing else', () => {
  expect(process.env.LEAKLESS_SANDBOX).toBe('1');
  expect(readdirSync('/sys/class/net').sort()).toEqual(['lo', 'lv0', 'lv1']);
  // Both veth ends are here, so the default route leads back into this namespace: there is no link out.
  const peer = (dev: string) => readFileSync(`/sys/class/net/${dev}/iflink`, 'utf8').trim();
  const index = (dev: string) => readFileSync(`/sys/class/net/${dev}/ifindex`, 'utf8').trim();
  expect(peer('lv0')).toBe(index('lv1'));
  expect(peer('lv1')).toBe(index('lv0'));
  expect(readFileSync('/etc/resolv.conf', 'utf8').trim()).toBe('nameserver 127.0.0.1');
});
