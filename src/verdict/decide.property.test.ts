import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckResults, IpMeta, IpResult, ProbeState, Reason, Resolver, WebRtcResult } from '../model';
import { decide } from '.';

const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('185.65.135.10', '2a03:1b20::1', 'not-an-ip', ''));
const country = fc.constantFrom('CH', 'DE', 'se', ' US ', '');
const organization = fc.constantFrom('M247', 'm247 ', 'Swisscom', 'Init7', '');
const asn = fc.constantFrom(9009, 3303, 13030, 0);
const meta: fc.Arbitrary<IpMeta> = fc.record({ country, organization, asn, vpnExit: fc.boolean() }, { requiredKeys: [] });

function state<T>(result: fc.Arbitrary<T>): fc.Arbitrary<ProbeState<T>> {
  return fc.oneof(
    fc.constant({ state: 'pending' } as const),
    result.map((r) => ({ state: 'done', result: r }) as const),
    result.map((r) => ({ state: 'partial', result: r, answered: 1, waiting: ['cloudflare-ipv4'] }) as const),
    fc.constantFrom('timeout', 'internal', 'unreachable').map((code) => ({ state: 'failed', problem: { code } }) as const),
  );
}

const ipResult = (family: 4 | 6): fc.Arbitrary<IpResult> =>
  fc.record({
    family: fc.constant(family),
    observations: fc.array(
      fc.record({
        endpointId: fc.constantFrom('a', 'b'),
        outcome: fc.oneof(
          fc.record({ ok: fc.constant(true as const), value: fc.record({ ip: address, meta }) }),
          fc.constant({ ok: false as const, problem: { code: 'timeout' as const } }),
        ),
        ms: fc.nat(),
      }),
      { maxLength: 3 },
    ),
    ip: fc.option(address, { nil: null }),
    disagreement: fc.boolean(),
    absent: fc.boolean(),
    meta,
  });

const resolver: fc.Arbitrary<Resolver> = fc.record(
  { ip: address, country, organization, asn, seenBy: fc.constant(['mullvad-dns']) },
  { requiredKeys: ['ip', 'seenBy'] },
);

const webrtc: fc.Arbitrary<WebRtcResult> = fc.record({
  status: fc.constantFrom('ok', 'disabled'),
  publicIps: fc.array(address, { maxLength: 3 }),
  localIps: fc.array(address, { maxLength: 3 }),
  mdnsMasked: fc.nat(4),
  hostView: fc.constantFrom('pages', 'privileged'),
  observations: fc.constant([]),
});

const results: fc.Arbitrary<CheckResults> = fc.record({
  ipv4: state(ipResult(4)),
  ipv6: state(ipResult(6)),
  dns: state(fc.record({ observations: fc.constant([]), resolvers: fc.array(resolver, { maxLength: 4 }), namesResolved: fc.nat(36) })),
  webrtc: state(webrtc),
  securedns: state(
    fc.record({
      available: fc.boolean(),
      observations: fc.constant([]),
      isTRR: fc.option(fc.boolean(), { nil: null }),
      resolverIps: fc.constant([]),
    }),
  ),
  // Our server's echo: any header with any address; public ones may reveal something, the rest only hint.
  headers: state(
    fc.record({
      observations: fc.constant([]),
      headers: fc.option(
        fc.array(
          fc.record({ name: fc.constantFrom('Via', 'X-Forwarded-For'), value: fc.constant('x'), ips: fc.array(address, { maxLength: 2 }) }),
          { maxLength: 2 },
        ),
        { nil: null },
      ),
    }),
  ),
  locale: state(
    fc.record({
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin'),
      timeZoneCountries: fc.subarray(['CH', 'DE', 'US']),
      languages: fc.constant([]),
    }),
  ),
});

/** Adds one fact that may reveal something: another WebRTC address, another resolver, or a proxy header. */
const extraFact = fc.oneof(
  address.map((ip) => (r: CheckResults): CheckResults => {
    const base: WebRtcResult =
      r.webrtc.state === 'done' || r.webrtc.state === 'partial'
        ? r.webrtc.result
        : { status: 'ok', publicIps: [], localIps: [], mdnsMasked: 0, hostView: 'pages', observations: [] };
    return { ...r, webrtc: { state: 'done', result: { ...base, status: 'ok', publicIps: [...base.publicIps, ip] } } };
  }),
  resolver.map((extra) => (r: CheckResults): CheckResults => {
    const resolvers = r.dns.state === 'done' || r.dns.state === 'partial' ? r.dns.result.resolvers : [];
    return { ...r, dns: { state: 'done', result: { observations: [], resolvers: [...resolvers, extra], namesResolved: 6 } } };
  }),
  address.map((ip) => (r: CheckResults): CheckResults => {
    const headers = (r.headers.state === 'done' || r.headers.state === 'partial' ? r.headers.result.headers : null) ?? [];
    const added = { name: 'X-Forwarded-For', value: ip, ips: [ip] };
    return { ...r, headers: { state: 'done', result: { observations: [], headers: [...headers, added] } } };
  }),
);

const RANK = { leak: 0, warning: 1, unknown: 2, info: 3 } as const;
const UNKNOWN = new Set(['ip-unknown', 'dns-unknown', 'webrtc-unknown', 'proxy-headers-unknown']);
const rank = (reason: Reason) => RANK[UNKNOWN.has(reason.code) ? 'unknown' : reason.code === 'no-leak' ? 'leak' : reason.severity];

describe('decide, for any results', () => {
  it('never throws, and its level agrees with its reasons', () => {
    fc.assert(
      fc.property(results, (r) => {
        const verdict = decide(r);
        const leaks = verdict.reasons.filter((reason) => reason.severity === 'leak');
        expect(verdict.level === 'leak').toBe(leaks.length > 0);
        const ranks = verdict.reasons.map(rank);
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
        const noLeak = verdict.reasons.findIndex((reason) => reason.code === 'no-leak');
        if (noLeak >= 0) expect(noLeak === 0 && verdict.level === 'clean').toBe(true);
        // Never "no leak" while a section is open, pending or provisional.
        if (Object.values(r).some((s) => s.state === 'pending' || s.state === 'partial')) expect(verdict.level).not.toBe('clean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never turns a leak into anything else when a fact is added', () => {
    fc.assert(
      fc.property(results, fc.array(extraFact, { minLength: 1, maxLength: 3 }), (r, facts) => {
        const before = decide(r);
        const after = decide(facts.reduce((acc, add) => add(acc), r));
        if (before.level === 'leak') expect(after.level).toBe('leak');
        const leakKeys = (v: typeof before) => v.reasons.filter((x) => x.severity === 'leak').map((x) => JSON.stringify(x));
        expect(leakKeys(after)).toEqual(expect.arrayContaining(leakKeys(before)));
      }),
      { numRuns: 1000 },
    );
  });
});
