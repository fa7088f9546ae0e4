// The audit window's boundaries, pinned: which observations are compared once the ledger is full.
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../endpoints';
import type { LedgerEntry } from '../net/types';
import { evaluate, sentRequests } from './evaluate';
import { AUDIT_LIMIT } from './session-list';
import type { AuditInputs, Observation, ObservedResource } from './types';

const registry = buildRegistry(null);
const URL4 = 'https://api4.ipify.org/?format=json';
const entry = (time: number, over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  time,
  endpointId: 'ipify-ipv4',
  url: URL4,
  host: 'api4.ipify.org',
  method: 'GET',
  bytesOut: 60,
  bytesIn: 20,
  status: 200,
  problem: null,
  ms: 40,
  ...over,
});
const unlogged = (time: number): ObservedResource => ({
  kind: 'resource',
  time,
  context: 'popup',
  url: 'https://api6.ipify.org/?format=json',
  initiatorType: 'fetch',
});
const inputs = (ledger: LedgerEntry[], observations: Observation[]): AuditInputs => ({
  ledger,
  observations,
  manifest: {
    permissions: ['storage'],
    optional_permissions: ['privacy'],
    host_permissions: [
      'https://*.bash.ws/*',
      'https://*.dnsleak.am.i.mullvad.net/*',
      'https://1.0.0.1/*',
      'https://api4.ipify.org/*',
      'https://api6.ipify.org/*',
      'https://bash.ws/*',
      'https://ipv4.am.i.mullvad.net/*',
      'https://ipv6.am.i.mullvad.net/*',
    ],
    content_security_policy: {
      extension_pages:
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'; connect-src 'self' https://*.bash.ws https://*.dnsleak.am.i.mullvad.net " +
        'https://1.0.0.1 https://api4.ipify.org https://api6.ipify.org https://bash.ws https://ipv4.am.i.mullvad.net ' +
        'https://ipv6.am.i.mullvad.net',
    },
  },
  target: 'chrome',
  stored: { local: [], session: [], sync: [] },
});
const codes = (ledger: LedgerEntry[], observations: Observation[]) =>
  evaluate(inputs(ledger, observations), registry).findings.map((f) => f.code);

const T = 1_000_000;
/** The oldest entry (T) is not first, so the window's start must be the minimum, not the first entry's time. */
const full = Array.from({ length: AUDIT_LIMIT }, (_, i) => entry(i === 0 ? T + 10 : T + i));
full[7] = entry(T);

describe('evaluate: the audit window', () => {
  it('the literal limits: 500 entries kept, 30 s of slack after the oldest', () => {
    expect(AUDIT_LIMIT).toBe(500);
    expect(codes(full, [unlogged(T + 30_000 - 1)])).toEqual([]);
    expect(codes(full, [unlogged(T + 30_000)])).toEqual(['unlogged-resource']);
  });

  it('a ledger one short of full compares everything, however old', () => {
    const almost = full.slice(0, AUDIT_LIMIT - 1);
    expect(codes(almost, [unlogged(0)])).toEqual(['unlogged-resource']);
    expect(codes(almost, [unlogged(-1e12)])).toEqual(['unlogged-resource']);
  });

  it('refused entries (no URL) count toward a full ledger but are not requests', () => {
    const withRefused = [...full.slice(0, AUDIT_LIMIT - 1), entry(T + 5, { url: '', problem: 'internal' })];
    expect(codes(withRefused, [unlogged(T)])).toEqual([]);
    const report = evaluate(inputs(withRefused, []), registry);
    expect(report).toEqual({ pass: true, requests: AUDIT_LIMIT - 1, findings: [] });
  });

  it('violations are reported whenever they happened', () => {
    const old = {
      kind: 'violation',
      time: 0,
      context: 'popup',
      blockedURI: 'https://x.example/',
      violatedDirective: 'connect-src',
    } as const;
    expect(evaluate(inputs(full, [old]), registry).findings).toEqual([
      { code: 'csp-violation', params: { url: 'https://x.example/', directive: 'connect-src', context: 'popup' } },
    ]);
  });

  it('the same unlogged URL is reported once per context', () => {
    const popup = unlogged(T + 60_000);
    const options = { ...popup, context: 'options' as const };
    expect(codes([], [popup, popup, options])).toEqual(['unlogged-resource', 'unlogged-resource']);
  });

  it('ledger and browser spellings of one URL match (case, default port)', () => {
    const spelled = { ...unlogged(T), url: 'HTTPS://API4.IPIFY.ORG:443/?format=json' };
    expect(codes([entry(T)], [spelled])).toEqual([]);
    expect(codes([entry(T, { url: 'not a url' })], [{ ...unlogged(T), url: 'not a url' }])).toEqual(['undeclared-request']);
  });

  it('sentRequests keeps only entries with a URL', () => {
    expect(sentRequests([entry(1), entry(2, { url: '' }), entry(3)]).map((e) => e.time)).toEqual([1, 3]);
  });
});

describe('evaluate: what each finding says', () => {
  it('undeclared requests and storage findings carry their details', () => {
    const report = evaluate(
      {
        ...inputs([entry(T, { url: 'https://api4.ipify.org/other' })], []),
        stored: { local: ['settings', 'uid'], session: ['audit:ledger', 'tracking'], sync: ['a', 'b'] },
      },
      registry,
    );
    expect(report.findings).toEqual([
      { code: 'undeclared-request', params: { url: 'https://api4.ipify.org/other', endpointId: 'ipify-ipv4' } },
      { code: 'sync-not-empty', params: { keys: 'a, b' } },
      { code: 'unknown-local-key', params: { key: 'uid' } },
      { code: 'unknown-session-key', params: { key: 'tracking' } },
    ]);
    expect(report.pass).toBe(false);
  });
});
