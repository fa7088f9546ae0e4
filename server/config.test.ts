import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.ts';
import { ConfigError, DEFAULTS, validateConfig } from './config.ts';

const bad = (argv: string[], message: RegExp) => {
  expect(() => parseArgs(argv)).toThrow(ConfigError);
  expect(() => parseArgs(argv)).toThrow(message);
};

describe('parseArgs', () => {
  it('defaults run unprivileged on loopback', () => {
    expect(parseArgs([])).toEqual({ ...DEFAULTS });
    expect(DEFAULTS.listen).toEqual(['127.0.0.1', '::1']);
    expect([DEFAULTS.httpPort, DEFAULTS.dnsPort, DEFAULTS.stunPort, DEFAULTS.tokenTtl]).toEqual([8080, 5353, 3478, 30]);
  });

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const c = parseArgs([
      '--zone=Check.Example.ORG.',
      '--listen',
      '::,0.0.0.0',
      '--http=off',
      '--https',
      '443',
      '--cert',
      '/c.pem',
      '--key=/k.pem',
      '--dns',
      '53',
      '--stun',
      '0',
      '--address4',
      '203.0.113.1',
      '--address6=none',
      '--acme-cname',
      '_acme-challenge.Check-Validation.example.org.',
      '--trust-proxy',
      '10.0.0.0/8, ::1',
      '--token-ttl',
      '60',
      '--max-tokens=5',
      '--tokens-per-source',
      '2',
      '--metrics',
      '9464',
      '--metrics-listen=::1',
      '--store',
      'redis://:pw@127.0.0.1:6380/2',
      '--max-resolvers',
      '3',
      '--dns-rate=0',
      '--http-rate',
      '7',
      '--stun-rate',
      '9',
      '--asn-db',
      '/d/asn-ipv4.csv,/d/asn-ipv6.csv',
      '--country-db=/d/country.mmdb',
      '--dnssec-key',
      '/var/lib/leakless/zone.pem',
    ]);
    expect(c).toEqual({
      zone: 'check.example.org',
      listen: ['::', '0.0.0.0'],
      httpPort: null,
      httpsPort: 443,
      certPath: '/c.pem',
      keyPath: '/k.pem',
      dnsPort: 53,
      stunPort: 0,
      address4: '203.0.113.1',
      address6: null,
      acmeCname: '_acme-challenge.check-validation.example.org',
      dnssecKey: '/var/lib/leakless/zone.pem',
      trustProxy: ['10.0.0.0/8', '::1'],
      tokenTtl: 60,
      maxTokens: 5,
      tokensPerSource: 2,
      metricsPort: 9464,
      metricsListen: ['::1'],
      store: 'redis://:pw@127.0.0.1:6380/2',
      maxResolvers: 3,
      dnsRate: 0,
      httpRate: 7,
      stunRate: 9,
      asnDb: ['/d/asn-ipv4.csv', '/d/asn-ipv6.csv'],
      countryDb: '/d/country.mmdb',
    });
    expect(parseArgs(['--asn-db', 'off', '--country-db', 'off'])).toMatchObject({ asnDb: null, countryDb: null });
  });

  it('defaults to the installed operator databases', () => {
    const root = new URL('../node_modules/@ip-location-db/', import.meta.url).pathname;
    expect(DEFAULTS.asnDb).toEqual([`${root}asn/asn-ipv4.csv`, `${root}asn/asn-ipv6.csv`]);
    expect(DEFAULTS.countryDb).toBe(`${root}iptoasn-country-mmdb/iptoasn-country.mmdb`);
    bad(['--asn-db', ','], /--asn-db: give at least one file, or off/);
    bad(['--country-db='], /--country-db: give a file, or off/);
  });

  it('returns help', () => {
    expect(parseArgs(['--help'])).toBe('help');
  });

  it('rejects bad input with a message naming the flag', () => {
    bad(['--bogus', '1'], /unknown option '--bogus'/);
    bad(['stray'], /unknown option 'stray'/);
    bad(['--http'], /--http needs a value/);
    bad(['--http', '65536'], /--http: expected an integer from 0 to 65535/);
    bad(['--dns', '-1'], /--dns/);
    bad(['--stun', '12x'], /--stun/);
    bad(['--token-ttl', '61'], /--token-ttl: expected an integer from 1 to 60/);
    bad(['--token-ttl', '0'], /--token-ttl/);
    bad(['--max-tokens', '0'], /--max-tokens/);
    bad(['--zone', 'bad_zone.test'], /--zone: 'bad_zone.test' is not a valid DNS name/);
    bad(['--zone', `${'a'.repeat(62)}.${'b'.repeat(62)}.${'c'.repeat(62)}.test`], /--zone/); // 193 > 190
    bad(['--listen', 'localhost'], /--listen: 'localhost' is not an IP address/);
    bad(['--listen', ''], /--listen: at least one/);
    bad(['--address4', '::1'], /--address4/);
    bad(['--address6', '127.0.0.1'], /--address6/);
    bad(['--trust-proxy', '10.0.0.0/33'], /--trust-proxy: '10.0.0.0\/33'/);
    bad(['--trust-proxy', 'proxy.local'], /--trust-proxy/);
    bad(['--acme-cname', 'a..b'], /--acme-cname: 'a..b' is not a valid DNS name/);
    bad(['--https', '8443'], /--https needs both --cert and --key/);
    bad(['--https', '8443', '--cert', 'c.pem'], /--https needs both/);
    bad(['--cert', 'c.pem', '--key', 'k.pem'], /without --https/);
    bad(['--metrics-listen', 'localhost'], /--metrics-listen: 'localhost' is not an IP address/);
    bad(['--metrics', 'x'], /--metrics: expected an integer/);
    bad(['--tokens-per-source', '0'], /--tokens-per-source/);
    bad(['--store', 'mysql://db'], /--store: expected 'memory', redis:\/\//);
    // The password never appears in the message.
    expect(() => parseArgs(['--store', 'redis://:hunter2@host:99999'])).toThrow(/^--store: bad host or port$/);
  });

  it('refuses token tables that cannot fit the documented MemoryMax=512M', () => {
    // The old bound allowed 1,000,000 tokens × 1024 resolvers: hundreds of GiB at worst.
    bad(['--max-tokens', '1000000'], /--max-tokens × --max-resolvers: up to 11445 MiB of tokens, over the 320 MiB/);
    bad(['--max-tokens', '10000', '--max-resolvers', '1024'], /up to 3426 MiB/);
    expect(parseArgs(['--max-tokens', '22000'])).toMatchObject({ maxTokens: 22000, maxResolvers: 32 });
    // A shared store keeps the sets elsewhere: this node holds only its admission table.
    expect(parseArgs(['--max-tokens', '800000', '--store', 'redis://127.0.0.1'])).toMatchObject({ maxTokens: 800000 });
  });
});

describe('validateConfig', () => {
  it('checks programmatic configs too', () => {
    expect(() => validateConfig({ tokenTtl: 61 })).toThrow(/--token-ttl/);
    expect(() => validateConfig({ dnsPort: 70000 })).toThrow(/--dns/);
    expect(validateConfig({ httpsPort: 0 }, { inlineTls: true }).httpsPort).toBe(0);
  });
});
