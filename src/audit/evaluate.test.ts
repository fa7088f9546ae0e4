import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../endpoints';
import { extensionPagesCsp, hostPermissions } from '../manifest/derive';
import type { LedgerEntry } from '../net/types';
import { evaluate } from './evaluate';
import { AUDIT_LIMIT } from './session-list';
import type { AuditInputs, FindingCode, Observation, RunningManifest } from './types';

const registry = buildRegistry(null);

const entry = (over: Partial<LedgerEntry> = {}): LedgerEntry => ({
  time: 1000,
  endpointId: 'ipify-ipv4',
  url: 'https://api4.ipify.org/?format=json',
  host: 'api4.ipify.org',
  method: 'GET',
  bytesOut: 60,
  bytesIn: 20,
  status: 200,
  problem: null,
  ms: 40,
  ...over,
});

const resource = (url: string, context: Observation['context'] = 'popup'): Observation => ({
  kind: 'resource',
  time: 1001,
  context,
  url,
  initiatorType: 'fetch',
});

const manifest = (over: Partial<RunningManifest> = {}): RunningManifest => ({
  permissions: ['storage'],
  optional_permissions: ['privacy'],
  host_permissions: hostPermissions(registry),
  content_security_policy: { extension_pages: extensionPagesCsp(registry) },
  ...over,
});

const clean: AuditInputs = {
  ledger: [entry(), entry({ endpointId: 'mullvad-dns', url: 'https://abcdef0123456789.dnsleak.am.i.mullvad.net/', host: 'x' })],
  observations: [resource('https://api4.ipify.org/?format=json'), resource('https://abcdef0123456789.dnsleak.am.i.mullvad.net/')],
  manifest: manifest(),
  target: 'chrome',
  stored: { local: ['settings', 'lastResult', 'rememberLast'], session: ['audit:ledger', 'audit:observed:popup'], sync: [] },
};

const rows: [string, Partial<AuditInputs>, FindingCode[]][] = [
  ['a clean session passes', {}, []],
  ['no requests at all passes', { ledger: [], observations: [] }, []],
  ['a resource the ledger does not know', { observations: [resource('https://evil.example/x.js')] }, ['unlogged-resource']],
  [
    'the same unknown resource twice is one finding',
    { observations: [resource('https://e.example/'), resource('https://e.example/')] },
    ['unlogged-resource'],
  ],
  [
    'a ledger entry to an undeclared URL',
    { ledger: [entry({ url: 'https://api4.ipify.org/other' })], observations: [] },
    ['undeclared-request'],
  ],
  [
    'a ledger URL that belongs to another endpoint',
    { ledger: [entry({ endpointId: 'ipify-ipv6' })], observations: [] },
    ['undeclared-request'],
  ],
  ['a ledger entry naming no endpoint', { ledger: [entry({ endpointId: 'nobody' })], observations: [] }, ['undeclared-request']],
  [
    'a CSP violation',
    {
      observations: [
        { kind: 'violation', time: 1, context: 'background', blockedURI: 'https://x.example/', violatedDirective: 'connect-src' },
      ],
    },
    ['csp-violation'],
  ],
  [
    'an extra host permission',
    { manifest: manifest({ host_permissions: [...hostPermissions(registry), 'https://x.example/*'] }) },
    ['host-permissions-drift'],
  ],
  [
    'a missing host permission',
    { manifest: manifest({ host_permissions: hostPermissions(registry).slice(1) }) },
    ['host-permissions-drift'],
  ],
  ['a widened CSP', { manifest: manifest({ content_security_policy: { extension_pages: "default-src 'self'" } }) }, ['csp-drift']],
  ['no CSP at all', { manifest: manifest({ content_security_policy: undefined }) }, ['csp-drift']],
  ['an extra permission', { manifest: manifest({ permissions: ['storage', 'tabs'] }) }, ['extra-permission']],
  ['dns is not expected in Chrome', { manifest: manifest({ permissions: ['storage', 'dns'] }) }, ['extra-permission']],
  ['an extra optional permission', { manifest: manifest({ optional_permissions: ['privacy', 'history'] }) }, ['extra-permission']],
  ['optional host permissions', { manifest: manifest({ optional_host_permissions: ['<all_urls>'] }) }, ['extra-permission']],
  ['a missing permission', { manifest: manifest({ permissions: [] }) }, ['missing-permission']],
  ['content scripts', { manifest: manifest({ content_scripts: [{ matches: ['<all_urls>'] }] }) }, ['content-scripts']],
  ['anything in storage.sync', { stored: { ...clean.stored, sync: ['id'] } }, ['sync-not-empty']],
  ['an unknown storage.local key', { stored: { ...clean.stored, local: ['settings', 'uid'] } }, ['unknown-local-key']],
  ['an unknown storage.session key', { stored: { ...clean.stored, session: ['tracking'] } }, ['unknown-session-key']],
];

describe('evaluate', () => {
  it.each(rows)('%s', (_, change, codes) => {
    const report = evaluate({ ...clean, ...change }, registry);
    expect(report.findings.map((f) => f.code)).toEqual(codes);
    expect(report.pass).toBe(codes.length === 0);
  });

  it('expects storage, dns and alarms (which Firefox refuses as optional) in Firefox', () => {
    const firefox = { ...clean, target: 'firefox' as const };
    const optional = ['privacy', 'idle', 'notifications'];
    const ok = manifest({ permissions: ['storage', 'dns', 'alarms'], optional_permissions: optional });
    expect(evaluate({ ...firefox, manifest: ok }, registry).pass).toBe(true);
    expect(evaluate({ ...firefox, manifest: manifest({ optional_permissions: optional }) }, registry).findings).toEqual([
      { code: 'missing-permission', params: { permission: 'dns' } },
      { code: 'missing-permission', params: { permission: 'alarms' } },
    ]);
  });

  it('counts only requests that were sent, and reports what it found', () => {
    const report = evaluate({ ...clean, ledger: [...clean.ledger, entry({ url: '', problem: 'internal' })] }, registry);
    expect(report.requests).toBe(2);
    const bad = evaluate({ ...clean, observations: [resource('https://evil.example/x', 'options')] }, registry);
    expect(bad.findings[0]?.params).toEqual({ url: 'https://evil.example/x', context: 'options', initiator: 'fetch' });
  });

  it('matches resources to the ledger by URL, not by host', () => {
    const other = resource('https://api4.ipify.org/?format=text');
    expect(evaluate({ ...clean, observations: [other] }, registry).findings.map((f) => f.code)).toEqual(['unlogged-resource']);
  });

  it('uses the self-hosted endpoints of a server build', () => {
    const server = buildRegistry('https://check.example.org');
    const own = entry({ endpointId: 'leakless-ipv4', url: 'https://ipv4.check.example.org/ip' });
    const inputs = { ...clean, ledger: [own], observations: [], manifest: manifest({ host_permissions: hostPermissions(server) }) };
    expect(
      evaluate(
        { ...inputs, manifest: { ...inputs.manifest, content_security_policy: { extension_pages: extensionPagesCsp(server) } } },
        server,
      ).pass,
    ).toBe(true);
    expect(evaluate({ ...clean, ledger: [own], observations: [] }, registry).findings.map((f) => f.code)).toEqual(['undeclared-request']);
  });

  it('once the ledger is full, does not blame rotated-out requests, but still compares recent ones', () => {
    const T = 1_000_000;
    const full = Array.from({ length: AUDIT_LIMIT }, (_, i) => entry({ time: T + i }));
    const unlogged = (time: number): Observation => ({ ...resource('https://api6.ipify.org/?format=json'), time });
    const codes = (ledger: LedgerEntry[], time: number) =>
      evaluate({ ...clean, ledger, observations: [unlogged(time)] }, registry).findings.map((f) => f.code);
    expect(codes(full, T - 60_000)).toEqual([]);
    expect(codes(full, T + 120_000)).toEqual(['unlogged-resource']);
    // A ledger that is not full has lost nothing: an old unlogged resource is a finding.
    expect(codes(full.slice(1), T - 60_000)).toEqual(['unlogged-resource']);
  });

  it('counts requests: a second request to a URL the ledger has only once is unlogged', () => {
    const url = 'https://api4.ipify.org/?format=json';
    const twice = [resource(url), { ...resource(url), time: 1002 }];
    expect(evaluate({ ...clean, ledger: [entry()], observations: twice }, registry).findings.map((f) => f.code)).toEqual([
      'unlogged-resource',
    ]);
    expect(evaluate({ ...clean, ledger: [entry(), entry({ time: 1001 })], observations: twice }, registry).findings).toEqual([]);
  });
});
