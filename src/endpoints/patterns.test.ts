import { describe, expect, test } from 'vitest';
import { endpointHost, expand, hostPattern, hostPatterns, matchesUrl } from './patterns';
import { buildRegistry } from './registry';
import type { Endpoint } from './types';

const ep = (url: string, transport: Endpoint['transport'] = 'https'): Endpoint => ({
  id: 'x',
  provider: 'mullvad',
  probe: 'dns',
  transport,
  url,
  carries: '',
});

describe('endpoint patterns', () => {
  test('expand fills single labels and refuses anything that could add a host or a path', () => {
    const e = ep('https://{token}.dnsleak.am.i.mullvad.net/');
    expect(expand(e, { token: 'abc123' })).toBe('https://abc123.dnsleak.am.i.mullvad.net/');
    for (const bad of ['a.b', 'evil.com/', 'a/b', '', 'UPPER', '-a', 'a-', 'x'.repeat(64), 'a?b', 'a@b']) {
      expect(() => expand(e, { token: bad }), bad).toThrow();
    }
    expect(() => expand(e, {})).toThrow();
  });

  test('matchesUrl accepts the filled pattern only', () => {
    const e = ep('https://{n}.{id}.bash.ws/');
    expect(matchesUrl(e, 'https://1.abc.bash.ws/')).toBe(true);
    expect(matchesUrl(e, 'https://1.abc.bash.ws.evil.net/')).toBe(false);
    expect(matchesUrl(e, 'https://1.x.abc.bash.ws/')).toBe(false);
    expect(matchesUrl(e, 'https://1.abc.bash.ws/other')).toBe(false);
    expect(matchesUrl(ep('https://api4.ipify.org/?format=json'), 'https://api4.ipify.org/?format=json')).toBe(true);
    expect(matchesUrl(ep('https://api4.ipify.org/?format=json'), 'https://api4xipify.org/?format=json')).toBe(false);
  });

  test('hostPattern turns leading placeholder labels into one wildcard, and only leading ones', () => {
    expect(hostPattern(ep('https://{n}.{id}.bash.ws/'))).toBe('*.bash.ws');
    expect(hostPattern(ep('https://bash.ws/id'))).toBe('bash.ws');
    expect(hostPattern(ep('stun:stun.cloudflare.com:3478', 'stun'))).toBeNull();
    expect(() => hostPattern(ep('https://a.{x}.example.org/'))).toThrow();
  });

  test('endpointHost names the host of every transport', () => {
    expect(endpointHost(ep('stun:stun.cloudflare.com:3478', 'stun'))).toBe('stun.cloudflare.com');
    expect(endpointHost(ep('dns:whoami.akamai.net', 'dns'))).toBe('whoami.akamai.net');
    expect(endpointHost(ep('https://1.0.0.1/cdn-cgi/trace'))).toBe('1.0.0.1');
  });

  test('the registry: unique ids, a self-hosted server adds its zone and nothing else', () => {
    const plain = hostPatterns(buildRegistry(null).endpoints);
    const own = hostPatterns(buildRegistry('https://check.example.org').endpoints);
    const added = own.filter((h) => !plain.includes(h));
    expect(added).toContain('*.check.example.org');
    expect(added.every((h) => h.endsWith('.check.example.org'))).toBe(true);
    expect(plain.every((h) => own.includes(h))).toBe(true);
    for (const bad of ['http://check.example.org', 'https://check.example.org:8443', 'https://check.example.org/path', 'not a url']) {
      expect(() => buildRegistry(bad), bad).toThrow();
    }
  });
});
