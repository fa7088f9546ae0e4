// Every browser a test starts runs in this namespace: prove it has no way out before trusting any test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

test('the sealed network has loopback and its own veth pair, and nothing else', () => {
  expect(process.env.LEAKLESS_SANDBOX).toBe('1');
  // /proc/net/dev is per network namespace (unlike /sys, which shows the mounter's).
  const links = readFileSync('/proc/net/dev', 'utf8')
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0]?.trim())
    .filter(Boolean);
  expect(links.sort()).toEqual(['lo', 'lv0', 'lv1']);
  // Both veth ends are here (each names the other as its peer), so every route leads back inside.
  const link = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' });
  expect(link).toMatch(/lv0@lv1/);
  expect(link).toMatch(/lv1@lv0/);
  expect(readFileSync('/etc/resolv.conf', 'utf8').trim()).toBe('nameserver 127.0.0.1');
});
