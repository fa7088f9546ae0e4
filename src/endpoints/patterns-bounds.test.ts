// The edges of the URL patterns the gate and the self-audit rely on: anchors, label bounds, escaping.
import { describe, expect, test } from 'vitest';
import { endpointHost, expand, hostPattern, hostPatterns, matchesUrl } from './patterns';
import { buildRegistry, endpointById, endpointsFor } from './registry';
import type { Endpoint } from './types';

const ep = (url: string, transport: Endpoint['transport'] = 'https', id = 'x'): Endpoint => ({
  id,
  provider: 'mullvad',
  probe: 'dns',
  transport,
  url,
  carries: '',
});
const ipify = ep('https://api4.ipify.org/?format=json');
const token = ep('https://{token}.dnsleak.am.i.mullvad.net/');

describe('matchesUrl anchors and escaping', () => {
  test('a URL that merely ends like a declared one is refused (start anchor)', () => {
    expect(matchesUrl(ipify, 'https://evil.example/?u=https://api4.ipify.org/?format=json')).toBe(false);
    expect(matchesUrl(ipify, 'xhttps://api4.ipify.org/?format=json')).toBe(false);
    expect(matchesUrl(token, 'https://x.evil.example/https://abc.dnsleak.am.i.mullvad.net/')).toBe(false);
  });

  test('a URL that merely starts like a declared one is refused (end anchor)', () => {
    expect(matchesUrl(ipify, 'https://api4.ipify.org/?format=json&x=1')).toBe(false);
    expect(matchesUrl(token, 'https://abc.dnsleak.am.i.mullvad.net/x')).toBe(false);
  });

  test('special characters are literal: no optional slash from "?"', () => {
    expect(matchesUrl(ipify, 'https://api4.ipify.orgformat=json')).toBe(false);
    expect(matchesUrl(ipify, 'https://api4.ipify.org?format=json')).toBe(false);
    expect(matchesUrl(ep('https://bash.ws/dnsleak/test/{id}?json'), 'https://bash.ws/dnsleak/test/abcjson')).toBe(false);
    expect(matchesUrl(ep('https://bash.ws/dnsleak/test/{id}?json'), 'https://bash.ws/dnsleak/test/abc?json')).toBe(true);
  });

  test('the scheme and host compare without case, as URLs do', () => {
    expect(matchesUrl(ipify, 'HTTPS://API4.IPIFY.ORG/?format=json')).toBe(true);
    expect(matchesUrl(token, 'https://ABC.dnsleak.am.i.mullvad.net/')).toBe(true);
  });

  test('a placeholder is exactly one label of 1 to 63 characters, no leading or trailing hyphen', () => {
    const url = (label: string) => `https://${label}.dnsleak.am.i.mullvad.net/`;
    for (const good of ['a', '0', 'ab', 'a-b', 'a--b', 'a'.repeat(63), `a${'-'.repeat(61)}b`]) {
      expect(matchesUrl(token, url(good)), good).toBe(true);
    }
    for (const bad of ['', '-a', 'a-', 'a'.repeat(64), 'a.b', 'a_b', 'a/b', 'a b']) expect(matchesUrl(token, url(bad)), bad).toBe(false);
  });
});

describe('expand', () => {
  test('fills every placeholder, and the bounds are those of matchesUrl', () => {
    expect(expand(ep('https://{n}.{id}.bash.ws/'), { n: '1', id: 'abc' })).toBe('https://1.abc.bash.ws/');
    expect(expand(token, { token: 'a'.repeat(63) })).toBe(`https://${'a'.repeat(63)}.dnsleak.am.i.mullvad.net/`);
    expect(expand(token, { token: 'a-b' })).toBe('https://a-b.dnsleak.am.i.mullvad.net/');
    expect(expand(ipify)).toBe('https://api4.ipify.org/?format=json');
    expect(() => expand(token, { token: 'a'.repeat(64) })).toThrow('endpoint x: bad value for {token}');
    expect(() => expand(token, { other: 'a' })).toThrow('endpoint x: bad value for {token}');
  });
});

describe('host patterns', () => {
  test('several leading placeholders make one wildcard; an IP host stays as it is', () => {
    expect(hostPattern(ep('https://{a}.{b}.x.example.org/p'))).toBe('*.x.example.org');
    expect(hostPattern(ep('https://1.0.0.1/cdn-cgi/trace'))).toBe('1.0.0.1');
    expect(hostPattern(ep('https://bash.ws'))).toBe('bash.ws');
    expect(hostPattern(ep('dns:whoami.akamai.net', 'dns'))).toBeNull();
    expect(() => hostPattern(ep('https://a.{x}.example.org/'))).toThrow('endpoint x: placeholders may only lead the host');
    expect(() => hostPattern(ep('https://{x}.a.{y}.example.org/'))).toThrow();
  });

  test('hostPatterns: https only, distinct, sorted', () => {
    const list = [
      ep('https://b.example.org/1'),
      ep('stun:a.example.org:3478', 'stun'),
      ep('https://{t}.a.example.org/'),
      ep('https://b.example.org/2'),
      ep('https://a.example.org/'),
    ];
    expect(hostPatterns(list)).toEqual(['*.a.example.org', 'a.example.org', 'b.example.org']);
    expect(hostPatterns([])).toEqual([]);
  });

  test('endpointHost drops the scheme, the port, the path and the query', () => {
    expect(endpointHost(ep('https://api4.ipify.org/?format=json'))).toBe('api4.ipify.org');
    expect(endpointHost(ep('https://bash.ws/dnsleak/test/{id}?json'))).toBe('bash.ws');
    expect(endpointHost(ep('https://host.example.org?x=1'))).toBe('host.example.org');
    expect(endpointHost(ep('https://host.example.org:8443/x'))).toBe('host.example.org');
    expect(endpointHost(ep('stun:stun.l.google.com:19302', 'stun'))).toBe('stun.l.google.com');
    expect(endpointHost(ep('https://{token}.dnsleak.am.i.mullvad.net/'))).toBe('{token}.dnsleak.am.i.mullvad.net');
  });
});

describe('registry', () => {
  test('the release registry, in order, and lookups by probe and id', () => {
    const release = buildRegistry(null);
    expect(release.server).toBeNull();
    expect(buildRegistry('').server).toBeNull();
    expect(buildRegistry(undefined).endpoints.map((e) => e.id)).toEqual(release.endpoints.map((e) => e.id));
    expect(release.endpoints.map((e) => e.id)).toEqual([
      'mullvad-ipv4',
      'mullvad-ipv6',
      'ipify-ipv4',
      'ipify-ipv6',
      'cloudflare-ipv4',
      'mullvad-dns',
      'bashws-id',
      'bashws-lookup',
      'bashws-result',
      'google-stun',
      'cloudflare-stun',
      'akamai-whoami',
    ]);
    expect(endpointsFor(release, 'ipv6').map((e) => e.id)).toEqual(['mullvad-ipv6', 'ipify-ipv6']);
    expect(endpointById(release, 'bashws-id')?.url).toBe('https://bash.ws/id');
    expect(endpointById(release, 'nope')).toBeUndefined();
  });

  test('a check server comes first, under its own zone', () => {
    const own = buildRegistry('https://Check.Example.org');
    expect(own.server).toBe('https://Check.Example.org');
    expect(own.endpoints.slice(0, 8).map((e) => [e.id, e.url])).toEqual([
      ['leakless-ipv4', 'https://ipv4.check.example.org/ip'],
      ['leakless-ipv6', 'https://ipv6.check.example.org/ip'],
      ['leakless-dns', 'https://{label}.check.example.org/dns/{token}'],
      ['leakless-dnssec-good', 'https://dnssec-ok-{nonce}.check.example.org/dnssec'],
      ['leakless-dnssec-broken', 'https://dnssec-bad-{nonce}.check.example.org/dnssec'],
      ['leakless-stun', 'stun:check.example.org:3478'],
      ['leakless-whoami', 'dns:{token}.whoami.check.example.org'],
      ['leakless-headers', 'https://ipv4.check.example.org/headers'],
    ]);
    expect(endpointsFor(own, 'ipv4').map((e) => e.id)).toEqual(['leakless-ipv4', 'mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4']);
  });
});

describe('a placeholder that fills part of a label', () => {
  const dnssec = ep('https://dnssec-ok-{nonce}.check.example.org/dnssec');
  test('expands inside the label, matches only that shape, and still derives the zone wildcard', () => {
    expect(expand(dnssec, { nonce: 'abc123' })).toBe('https://dnssec-ok-abc123.check.example.org/dnssec');
    expect(matchesUrl(dnssec, 'https://dnssec-ok-abc123.check.example.org/dnssec')).toBe(true);
    expect(matchesUrl(dnssec, 'https://dnssec-bad-abc123.check.example.org/dnssec')).toBe(false);
    expect(matchesUrl(dnssec, 'https://dnssec-ok-a.b.check.example.org/dnssec')).toBe(false);
    expect(hostPattern(dnssec)).toBe('*.check.example.org');
  });
});
