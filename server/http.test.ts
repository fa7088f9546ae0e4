import { readFileSync } from 'node:fs';
import type net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './index.ts';
import { dnsQuery, freshSecret, freshToken, httpGet, IP_DATA_OFF } from './testing.ts';

const ZONE = 'check.leakless.test';
const cert = readFileSync(new URL('../tests/fixtures/tls/cert.pem', import.meta.url));
const key = readFileSync(new URL('../tests/fixtures/tls/key.pem', import.meta.url));
const open = { dnsRate: 0, httpRate: 0, stunRate: 0, ...IP_DATA_OFF };

let s: RunningServer;
let base: string;
beforeAll(async () => {
  s = await startServer({
    ...open,
    listen: ['127.0.0.1', '::1'],
    httpPort: 0,
    httpsPort: 0,
    dnsPort: 0,
    stunPort: null,
    tls: { cert, key },
  });
  base = `http://127.0.0.1:${s.ports.http}`;
});
afterAll(() => s.close());

describe('GET /ip', () => {
  it('returns the peer address and family as no-store JSON, never a cookie', async () => {
    const r = await httpGet(`${base}/ip`, { localAddress: '127.0.0.3' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ip: '127.0.0.3', family: 4 });
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['set-cookie']).toBeUndefined();
    expect((await httpGet(`http://[::1]:${s.ports.http}/ip`)).json).toEqual({ ip: '::1', family: 6 });
  });

  it('ignores X-Forwarded-For from peers that are not trusted proxies', async () => {
    const r = await httpGet(`${base}/ip`, { localAddress: '127.0.0.3', headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(r.json).toEqual({ ip: '127.0.0.3', family: 4 });
  });
});

describe('GET /dnssec', () => {
  it("answers on the DNSSEC check's names with their label, and on no other host", async () => {
    const host = 'dnssec-bad-0123456789abcdef.check.leakless.test';
    const r = await httpGet(`${base}/dnssec`, { headers: { host: host.toUpperCase() } });
    expect([r.status, r.json]).toEqual([200, { label: 'dnssec-bad-0123456789abcdef' }]);
    expect(r.headers['cache-control']).toBe('no-store');
    expect((await httpGet(`${base}/dnssec`, { headers: { host: 'ipv4.check.leakless.test' } })).status).toBe(404);
    expect((await httpGet(`${base}/dnssec`, { headers: { host: 'dnssec-ok-short.check.leakless.test' } })).status).toBe(404);
  });
});

describe('GET /headers', () => {
  it('echoes only the allowlisted proxy headers, names and values, with the peer; never cookies or the like', async () => {
    const headers = {
      via: '1.1 squid',
      'x-forwarded-for': '84.171.20.7',
      'X-Real-IP': '84.171.20.7',
      forwarded: 'for=84.171.20.7;proto=http',
      cookie: 'session=secret',
      authorization: 'Basic c2VjcmV0',
      'x-custom': 'nope',
    };
    const r = await httpGet(`${base}/headers`, { localAddress: '127.0.0.3', headers });
    expect(r.status).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.json).toEqual({
      ip: '127.0.0.3',
      headers: [
        { name: 'via', value: '1.1 squid' },
        { name: 'forwarded', value: 'for=84.171.20.7;proto=http' },
        { name: 'x-forwarded-for', value: '84.171.20.7' },
        { name: 'x-real-ip', value: '84.171.20.7' },
      ],
    });
  });

  it('says nothing was added when nothing was; cuts long values', async () => {
    expect((await httpGet(`${base}/headers`, { localAddress: '127.0.0.3' })).json).toEqual({ ip: '127.0.0.3', headers: [] });
    const long = await httpGet(`${base}/headers`, { localAddress: '127.0.0.3', headers: { via: 'v'.repeat(1000) } });
    expect(long.json).toEqual({ ip: '127.0.0.3', headers: [{ name: 'via', value: 'v'.repeat(256) }] });
  });
});

describe('GET /dns/<secret>', () => {
  it('reads the set of the label the secret hashes to, once, then it is gone', async () => {
    const { secret, label } = freshSecret();
    await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'A', { localAddress: '127.0.0.6', ecs: { ip: '198.51.100.20', prefix: 24 } });
    await dnsQuery(s.ports.dns as number, `${label.toUpperCase()}.${ZONE}`, 'AAAA', { host: '::1' });
    const r = await httpGet(`${base}/dns/${secret}`);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      token: secret,
      resolvers: [
        { ip: '127.0.0.6', family: 4, ecs: '198.51.100.0/24' },
        { ip: '::1', family: 6 },
      ],
    });
    expect((await httpGet(`${base}/dns/${secret}`)).json).toEqual({ token: secret, resolvers: [] });
  });

  it('an unknown secret is an empty set; a malformed one is 400; /dns on a token host is gone', async () => {
    expect(await httpGet(`${base}/dns/${'z'.repeat(20)}`)).toMatchObject({ status: 200, json: { token: 'z'.repeat(20), resolvers: [] } });
    for (const path of ['/dns/short', '/dns/has-dash-0123456789', `/dns/${'a'.repeat(64)}`, '/dns/a/b', `/dns/${'A'.repeat(20)}`]) {
      expect(await httpGet(`${base}${path}`), path).toMatchObject({ status: 400, json: { error: 'bad token' } });
    }
    expect((await httpGet(`${base}/dns`, { headers: { host: `${freshToken()}.${ZONE}` } })).status).toBe(404);
  });

  it('works over HTTPS on https://<label>.Z/dns/<secret>, as the extension fetches it', async () => {
    const { secret, label } = freshSecret();
    await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'A', { localAddress: '127.0.0.8' });
    // Stands in for the delegated zone in public DNS: every name lands on the loopback server.
    const lookup = ((_h: string, o: { all?: boolean }, cb: (e: null, a: unknown, f?: number) => void) =>
      o.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)) as unknown as net.LookupFunction;
    const r = await httpGet(`https://${label}.${ZONE}:${s.ports.https}/dns/${secret}`, { ca: cert, lookup });
    expect(r.json).toEqual({ token: secret, resolvers: [{ ip: '127.0.0.8', family: 4 }] });
    expect((await httpGet(`https://127.0.0.1:${s.ports.https}/ip`, { ca: cert })).json).toEqual({ ip: '127.0.0.1', family: 4 });
  });
});

describe('CORS, routing, limits', () => {
  it('echoes extension origins only', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnop', 'moz-extension://2f1a-77']) {
      const r = await httpGet(`${base}/ip`, { headers: { origin } });
      expect(r.headers['access-control-allow-origin']).toBe(origin);
      expect(r.headers.vary).toBe('origin');
    }
    for (const origin of [
      'https://evil.example',
      'null',
      'chrome-extension-evil://x',
      'xchrome-extension://x',
      'safari-web-extension://x',
    ]) {
      expect((await httpGet(`${base}/ip`, { headers: { origin } })).headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('answers preflights', async () => {
    const r = await httpGet(`${base}/dns/${freshToken()}`, {
      method: 'OPTIONS',
      headers: { origin: 'chrome-extension://abc', 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
    });
    expect(r.status).toBe(204);
    expect(r.headers).toMatchObject({
      'access-control-allow-origin': 'chrome-extension://abc',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'accept',
    });
  });

  it('healthz, 404, 405', async () => {
    expect((await httpGet(`${base}/healthz`)).json).toEqual({ ok: true });
    for (const path of ['/', '/ip/', '/IP', '/dnsx', '/metrics', '/metrics/x']) {
      expect(await httpGet(`${base}${path}`), path).toMatchObject({ status: 404, json: { error: 'not found' } });
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      const r = await httpGet(`${base}/ip`, { method });
      expect(r.status, method).toBe(405);
      expect(r.headers.allow).toBe('GET, OPTIONS');
    }
  });

  it('rejects oversized headers', async () => {
    expect((await httpGet(`${base}/ip`, { headers: { 'x-big': 'a'.repeat(20_000) } })).status).toBe(431);
  });
});

describe('options', () => {
  it('trusts X-Forwarded-For from --trust-proxy peers, right-most untrusted hop', async () => {
    const p = await startServer({ ...open, listen: ['127.0.0.1'], httpPort: 0, dnsPort: null, stunPort: null, trustProxy: ['127.0.0.1'] });
    try {
      const url = `http://127.0.0.1:${p.ports.http}/ip`;
      const xff = { 'x-forwarded-for': '1.2.3.4, 203.0.113.5' };
      expect((await httpGet(url, { localAddress: '127.0.0.1', headers: xff })).json).toEqual({ ip: '203.0.113.5', family: 4 });
      expect((await httpGet(url, { localAddress: '127.0.0.4', headers: xff })).json).toEqual({ ip: '127.0.0.4', family: 4 });
      // /headers: the trusted proxy's own hop is not a middlebox on the user's path; what came before it is.
      const echo = `http://127.0.0.1:${p.ports.http}/headers`;
      expect((await httpGet(echo, { localAddress: '127.0.0.1', headers: xff })).json).toEqual({
        ip: '203.0.113.5',
        headers: [{ name: 'x-forwarded-for', value: '1.2.3.4' }],
      });
      expect((await httpGet(echo, { localAddress: '127.0.0.1', headers: { 'x-forwarded-for': '203.0.113.5' } })).json).toEqual({
        ip: '203.0.113.5',
        headers: [],
      });
    } finally {
      await p.close();
    }
  });

  it('rate-limits per source with 429', async () => {
    const p = await startServer({ ...IP_DATA_OFF, listen: ['127.0.0.1'], httpPort: 0, dnsPort: null, stunPort: null, httpRate: 2 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) codes.push((await httpGet(`http://127.0.0.1:${p.ports.http}/ip`, { localAddress: '127.0.0.5' })).status);
      expect(codes.slice(0, 4)).toEqual([200, 200, 200, 200]); // burst = 2 × rate
      expect(codes.slice(4)).toContain(429);
      expect((await httpGet(`http://127.0.0.1:${p.ports.http}/ip`, { localAddress: '127.0.0.6' })).status).toBe(200);
      expect(p.counters().http.rateLimited).toBeGreaterThan(0);
    } finally {
      await p.close();
    }
  });

  it('mapAddress (test hook) rewrites what /ip reports', async () => {
    const p = await startServer({
      ...open,
      listen: ['127.0.0.1'],
      httpPort: 0,
      dnsPort: null,
      stunPort: null,
      mapAddress: () => ({ address: '198.51.100.7', family: 4 }),
    });
    try {
      expect((await httpGet(`http://127.0.0.1:${p.ports.http}/ip`)).json).toEqual({ ip: '198.51.100.7', family: 4 });
    } finally {
      await p.close();
    }
  });
});
