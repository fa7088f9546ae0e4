import { describe, expect, it } from 'vitest';
import { parseBashwsId, parseBashwsResult, splitAsn } from './bashws';
import { parseLeaklessDns } from './leakless';
import { parseMullvadDns } from './mullvad';
import { BASHWS_RESULT, leaklessDns, MULLVAD_DNS_CLEAN, MULLVAD_DNS_LEAK } from './samples';

const TOKEN = 'k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8';

describe('parseLeaklessDns', () => {
  it('reads the resolvers for our token, private ones included, canonicalised, each with its ECS', () => {
    const body = leaklessDns(TOKEN, [
      { ip: '172.253.226.36', family: 4, ecs: '89.45.90.0/24' },
      { ip: '2A00:1450:4001:0:0:0:0:104', family: 6 },
      { ip: '10.64.0.1', family: 4 },
    ]);
    expect(parseLeaklessDns(body, TOKEN)).toEqual({
      ok: true,
      value: [{ ip: '172.253.226.36', ecs: '89.45.90.0/24' }, { ip: '2a00:1450:4001::104' }, { ip: '10.64.0.1' }],
    });
  });

  it('keeps only a well-formed ECS (a subnet with its host bits clear), canonicalised; a bad one drops the ECS, not the resolver', () => {
    const rows = ['2A00:1450:4000::/48', '89.45.90.7/24', '89.45.90.0/33', '89.45.90.0', 'x/24', 42, '89.45.90.0/024x', '::/0'];
    const parsed = rows.map((ecs) => parseLeaklessDns(JSON.stringify({ token: TOKEN, resolvers: [{ ip: '10.0.0.1', ecs }] }), TOKEN));
    expect(parsed.map((o) => (o.ok ? (o.value[0]?.ecs ?? null) : 'failed'))).toEqual([
      '2a00:1450:4000::/48',
      null,
      null,
      null,
      null,
      null,
      null,
      '::/0',
    ]);
  });

  it("takes each resolver's operator from our server's local databases; a lying field drops alone", () => {
    const body = JSON.stringify({
      token: TOKEN,
      resolvers: [
        { ip: '9.9.9.9', family: 4, country: 'US', asn: 19281, org: 'Quad9' },
        { ip: '1.0.0.1', family: 4, country: 'USA', asn: '13335', org: 'Cloudflare,\u202eInc.\u0007' },
        { ip: '8.8.8.8', family: 4, country: 'zz', asn: 2 ** 32, org: 'x'.repeat(201) },
        { ip: '8.8.4.4', family: 4, country: 7, asn: -1, org: 42 },
        { ip: '10.0.0.1', family: 4, asn: 1.5, org: '   ' },
      ],
    });
    expect(parseLeaklessDns(body, TOKEN)).toEqual({
      ok: true,
      value: [
        { ip: '9.9.9.9', country: 'US', asn: 19281, organization: 'Quad9' },
        { ip: '1.0.0.1', organization: 'Cloudflare, Inc.' },
        { ip: '8.8.8.8' },
        { ip: '8.8.4.4' },
        { ip: '10.0.0.1' },
      ],
    });
  });

  it("refuses another token's answer", () => {
    expect(parseLeaklessDns(leaklessDns('other', [{ ip: '172.253.226.36', family: 4 }]), TOKEN)).toEqual({
      ok: false,
      problem: { code: 'bad-shape', detail: 'token' },
    });
  });

  it('drops rows that are not addresses or of the wrong family; all bad is bad-shape; none is fine', () => {
    const body = JSON.stringify({
      token: TOKEN,
      resolvers: [
        { ip: 'resolver.example', family: 4 },
        { ip: '172.253.226.36', family: 6 },
        { ip: '2a00:1450:4001::104', family: 6 },
      ],
    });
    expect(parseLeaklessDns(body, TOKEN)).toEqual({ ok: true, value: [{ ip: '2a00:1450:4001::104' }] });
    expect(parseLeaklessDns(leaklessDns(TOKEN, [{ ip: '<b>', family: 4 }]), TOKEN)).toMatchObject({
      ok: false,
      problem: { code: 'bad-shape' },
    });
    expect(parseLeaklessDns(leaklessDns(TOKEN, []), TOKEN)).toEqual({ ok: true, value: [] });
    expect(parseLeaklessDns('<html></html>', TOKEN)).toMatchObject({ ok: false, problem: { code: 'not-json' } });
    expect(parseLeaklessDns(JSON.stringify({ token: TOKEN }), TOKEN)).toMatchObject({
      ok: false,
      problem: { code: 'bad-shape', detail: 'resolvers' },
    });
  });
});

describe('parseMullvadDns', () => {
  it('reads resolvers with country codes and organisations', () => {
    expect(parseMullvadDns(MULLVAD_DNS_CLEAN)).toEqual({
      ok: true,
      value: [{ ip: '193.138.218.74', country: 'SE', organization: '31173 Services AB' }],
    });
    expect(parseMullvadDns(MULLVAD_DNS_LEAK)).toEqual({
      ok: true,
      value: [
        { ip: '172.253.226.36', country: 'DE', organization: 'Google LLC' },
        { ip: '2a00:1450:4001::104', country: 'DE', organization: 'Google LLC' },
      ],
    });
  });

  it('treats an empty list as no resolvers seen, and an object as a lie', () => {
    expect(parseMullvadDns('[]')).toEqual({ ok: true, value: [] });
    expect(parseMullvadDns('{"ip":"172.253.226.36"}')).toMatchObject({ ok: false, problem: { code: 'bad-shape' } });
    expect(parseMullvadDns('[{"ip":null}]')).toMatchObject({ ok: false, problem: { code: 'bad-shape', detail: 'ip' } });
  });
});

describe('bash.ws', () => {
  it('reads only dns rows, with upper-cased country and split ASN', () => {
    expect(parseBashwsResult(BASHWS_RESULT)).toEqual({
      ok: true,
      value: [
        { ip: '172.253.226.36', country: 'DE', asn: 15169, organization: 'Google LLC' },
        { ip: '2a00:1450:4001::104', country: 'DE', organization: 'Google LLC' },
        { ip: '194.71.118.1' },
      ],
    });
  });

  it('treats a result with no dns rows as no resolvers', () => {
    expect(parseBashwsResult('[{"ip":"DNS is not leaking.","country":false,"asn":false,"type":"conclusion"}]')).toEqual({
      ok: true,
      value: [],
    });
    expect(parseBashwsResult('[]')).toEqual({ ok: true, value: [] });
  });

  it('splits ASN text', () => {
    expect(splitAsn('AS13335 Cloudflare, Inc.')).toEqual({ asn: 13335, organization: 'Cloudflare, Inc.' });
    expect(splitAsn('as3320')).toEqual({ asn: 3320 });
    expect(splitAsn('Google LLC')).toEqual({ organization: 'Google LLC' });
    expect(splitAsn(15169)).toEqual({ asn: 15169 });
    expect(splitAsn(-1)).toEqual({});
    expect(splitAsn(undefined)).toEqual({});
  });

  it('accepts only a single-label id', () => {
    expect(parseBashwsId('8271634\n')).toEqual({ ok: true, value: '8271634' });
    expect(parseBashwsId('abc123')).toEqual({ ok: true, value: 'abc123' });
    for (const bad of ['', '12.34', '<html>', 'ABC', 'a-b', 'x'.repeat(64), '1 2']) {
      expect(parseBashwsId(bad)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'id' } });
    }
  });
});

describe('labelFor (the read secret, shared with server/secret.ts)', () => {
  it('is the first 128 bits of SHA-256, in hex, the same vector the server tests', async () => {
    const { labelFor } = await import('./leakless');
    expect(await labelFor('abcdefghijklmnopqrstuvwxyz012345')).toBe('a5259b68b41d459e8fab9d4607337b0d');
  });
});
