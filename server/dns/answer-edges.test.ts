/** Boundaries of answerQuery: which names get which answer, flags, truncation, ECS masking and the RRL slip. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Peer } from '../ip.ts';
import { decode, encodeQuery, type QType } from '../testing.ts';
import { answerQuery, prepareZone } from './answer.ts';
import { testKey } from './dnssec/fixture.ts';

const Z = 'check.leakless.test';
const zone = prepareZone(Z, '192.0.2.10', '2001:db8::10', 'alias.example.org');
const v4: Peer = { address: '203.0.113.53', family: 4 };
const TOKEN = 'abcdefghij0123456789abcdefghij01';

function ask(
  name: string,
  type: QType,
  opts: Parameters<typeof encodeQuery>[2] = {},
  extra: { slip?: boolean; plainUdpLimit?: number } = {},
) {
  const a = answerQuery(encodeQuery(name, type, opts), zone, v4, { transport: 'udp', ...extra });
  if (!a) throw new Error('dropped');
  return { a, p: decode(a.response) };
}
const summary = (name: string, type: QType) => {
  const { p } = ask(name, type);
  return {
    rcode: p.rcode,
    aa: p.flag_aa,
    answers: (p.answers ?? []).map((r) => `${r.type} ${'ttl' in r ? r.ttl : ''} ${'data' in r ? String(r.data) : ''}`),
    authority: (p.authorities ?? []).map((r) => `${r.type} ${r.name}`),
  };
};
const nx = { rcode: 'NXDOMAIN', aa: true, answers: [], authority: [`SOA ${Z}`] };

describe('names and answers', () => {
  it.each([
    [`ns.${Z}`, 'A', { rcode: 'NOERROR', aa: true, answers: ['A 300 192.0.2.10'], authority: [] }],
    [`ns.x.${Z}`, 'A', nx],
    [`ipv4.${Z}`, 'A', { rcode: 'NOERROR', aa: true, answers: ['A 300 192.0.2.10'], authority: [] }],
    [`ipv6.${Z}`, 'A', { rcode: 'NOERROR', aa: true, answers: [], authority: [`SOA ${Z}`] }],
    [`x.ipv4.${Z}`, 'A', nx],
    [`ipv4.x.${Z}`, 'A', nx],
    [`_acme-challenge.x.${Z}`, 'CNAME', nx],
    [`${TOKEN}.x.${Z}`, 'A', nx],
    [`dnssec-ok-0123456789abcdef.x.${Z}`, 'A', nx],
    [`_acme-challenge.${Z}`, 'CNAME', { rcode: 'NOERROR', aa: true, answers: ['CNAME 300 alias.example.org'], authority: [] }],
    [`x._acme-challenge.${Z}`, 'CNAME', nx],
    [`${TOKEN}.${Z}`, 'A', { rcode: 'NOERROR', aa: true, answers: ['A 0 192.0.2.10'], authority: [] }],
    [`x.${TOKEN}.${Z}`, 'A', nx],
    [`nope.${Z}`, 'A', nx],
    [`a.b.whoami.${Z}`, 'A', { rcode: 'NOERROR', aa: true, answers: ['A 0 203.0.113.53'], authority: [] }],
    [Z, 'AXFR', { rcode: 'REFUSED', aa: false, answers: [], authority: [] }],
    [Z, 'IXFR', { rcode: 'REFUSED', aa: false, answers: [], authority: [] }],
    ['leakless.test', 'A', { rcode: 'REFUSED', aa: false, answers: [], authority: [] }],
  ] as [string, QType, unknown][])('%s %s', (name, type, want) => {
    expect(summary(name, type)).toEqual(want);
  });

  it('only tokens are reported, even when a query carries ECS', () => {
    const { a } = ask(`whoami.${Z}`, 'A', { ecs: { ip: '198.51.100.7', prefix: 24 } });
    expect([a.token, a.ecs]).toEqual([undefined, undefined]);
  });
});

describe('header flags', () => {
  it('echoes RD, sets TC only when truncating, AA off for NOTIMP and BADVERS', () => {
    expect(ask(Z, 'SOA', { flags: 0x0100 }).p.flag_rd).toBe(true);
    expect(ask(Z, 'SOA').p.flag_rd).toBe(false);
    expect(ask(Z, 'SOA').p.flag_tc).toBe(false);
    expect(ask(Z, 'SOA', { flags: 1 << 11 }).p.flag_aa).toBe(false);
    const badvers = encodeQuery(Z, 'SOA', { edns: true });
    badvers[badvers.length - 5] = 1; // EDNS version 1 (OPT: … ttl = ext-rcode, version, flags; rdlength)
    expect(decode(answerQuery(badvers, zone, v4, { transport: 'udp' })?.response as Buffer)).toMatchObject({ flag_aa: false });
  });

  it('truncates only above the limit', () => {
    const size = ask(`nope.${Z}`, 'A').a.response.length;
    expect(ask(`nope.${Z}`, 'A', {}, { plainUdpLimit: size }).a.truncated).toBe(false);
    expect(ask(`nope.${Z}`, 'A', {}, { plainUdpLimit: size - 1 }).a.truncated).toBe(true);
  });
});

describe('ECS echo', () => {
  it('masks host bits in the last address byte it echoes', () => {
    const echoed = (ip: string, prefix: number) => {
      const opt = ask(`${TOKEN}.${Z}`, 'A', { ecs: { ip, prefix } }).p.additionals?.[0] as unknown as {
        options: { ip: string; sourcePrefixLength: number }[];
      };
      return opt.options[0];
    };
    expect(echoed('198.51.100.77', 20)).toMatchObject({ ip: '198.51.96.0', sourcePrefixLength: 20 });
    expect(echoed('198.51.100.77', 31)).toMatchObject({ ip: '198.51.100.76', sourcePrefixLength: 31 });
    expect(echoed('198.51.100.77', 32)).toMatchObject({ ip: '198.51.100.77', sourcePrefixLength: 32 });
  });
});

describe('response-rate limiting slip', () => {
  it('answers with TC and no records, and reports no token', () => {
    const { a, p } = ask(`${TOKEN}.${Z}`, 'A', { ecs: { ip: '198.51.100.7', prefix: 24 } }, { slip: true });
    expect([a.truncated, a.token, a.ecs, p.flag_tc, p.answers, p.authorities, p.rcode]).toEqual([
      true,
      undefined,
      undefined,
      true,
      [],
      [],
      'NOERROR',
    ]);
  });
});

describe('prepareZone', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lowercases the zone, keeps absent names absent, and signs by the wall clock in whole seconds', () => {
    vi.useFakeTimers({ now: 1_796_126_400_999 });
    const z = prepareZone('Check.Leakless.TEST', null, null, null, testKey());
    expect([z.labels, z.address4, z.address6, z.acmeCname]).toEqual([['check', 'leakless', 'test'], null, null, null]);
    expect(z.signer?.now()).toBe(1_796_126_400);
    expect(prepareZone(Z, null, null).signer).toBeNull();
  });
});
