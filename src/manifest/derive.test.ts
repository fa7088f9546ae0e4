import { describe, expect, test } from 'vitest';
import type { Endpoint, Registry } from '../endpoints';
import { extensionPagesCsp, hostPermissions, makeManifest } from './derive';

const endpoint = (id: string, transport: Endpoint['transport'], url: string): Endpoint => ({
  id,
  provider: 'leakless',
  probe: 'ipv4',
  transport,
  url,
  carries: 'nothing',
});
const registry = (...endpoints: Endpoint[]): Registry => ({ endpoints, server: null });

describe('CSP and host permissions from a registry', () => {
  test('a registry without https endpoints may connect nowhere', () => {
    const stunOnly = registry(endpoint('s', 'stun', 'stun:stun.example.org:3478'), endpoint('d', 'dns', 'dns:{token}.example.org'));
    expect(extensionPagesCsp(stunOnly)).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'; connect-src 'self'",
    );
    expect(hostPermissions(stunOnly)).toEqual([]);
  });

  test('hosts are sorted, de-duplicated, placeholders become a wildcard label', () => {
    const r = registry(
      endpoint('b', 'https', 'https://b.example.org/ip'),
      endpoint('a', 'https', 'https://{token}.a.example.org/dns'),
      endpoint('b2', 'https', 'https://b.example.org/other'),
    );
    expect(hostPermissions(r)).toEqual(['https://*.a.example.org/*', 'https://b.example.org/*']);
    expect(extensionPagesCsp(r)).toMatch(/; connect-src 'self' https:\/\/\*\.a\.example\.org https:\/\/b\.example\.org$/);
  });

  test('a test key is only added for Chrome', () => {
    const input = { base: { permissions: ['storage'] }, pkg: { displayName: 'L', version: '1', description: 'd' }, registry: registry() };
    expect(makeManifest({ ...input, target: 'chrome', testKey: 'KEY' }).key).toBe('KEY');
    expect(makeManifest({ ...input, target: 'chrome', testKey: '' })).not.toHaveProperty('key');
    expect(makeManifest({ ...input, target: 'firefox', testKey: 'KEY' })).not.toHaveProperty('key');
  });
});
