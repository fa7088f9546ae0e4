import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { networkUses, scanDist, scanLockfile, scanSource, urlAllowed, urlPolicy } from '../../scripts/static-audit';
import { telemetryMatch } from '../../scripts/telemetry-packages';
import { buildRegistry } from '../../src/endpoints';

const registry = buildRegistry(null);
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fake build folder: the gate chunk (fetch + marker) plus whatever the test plants. */
function dist(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'leakless-dist-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'assets'));
  const all = {
    'assets/gate.js': `const r={referrerPolicy:"no-referrer"};export const g=(u)=>globalThis.fetch(u,r);const e="https://api4.ipify.org/?format=json";`,
    'src/popup/index.html': '<!doctype html><script type="module" src="/assets/gate.js"></script>',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
const rules = (dir: string) => scanDist([dir], registry).problems.map((p) => `${p.rule} ${p.detail}`);

describe('static audit of the build', () => {
  it('passes a clean build and counts what it read', () => {
    const scan = scanDist([dist({})], registry);
    expect(scan.problems).toEqual([]);
    expect(scan.files).toBe(2);
    expect(scan.literals).toBe(1);
  });

  it('catches a planted fetch to an undeclared host in a chunk without the gate', () => {
    const found = rules(dist({ 'assets/evil.js': `fetch('https://evil.example/')` }));
    expect(found).toContain('undeclared-url https://evil.example/');
    expect(found.some((f) => f.startsWith('network-api-outside-gate'))).toBe(true);
  });

  it('catches an undeclared URL literal, in code or in HTML', () => {
    expect(rules(dist({ 'assets/a.js': 'const u="https://api4.ipify.org/other";' }))).toEqual([
      'undeclared-url https://api4.ipify.org/other',
    ]);
    expect(rules(dist({ 'x.html': '<img src="http://tracker.example/p.gif">' }))).toEqual(['undeclared-url http://tracker.example/p.gif']);
    expect(rules(dist({ 'assets/a.js': 'const u="wss://ws.example/";' }))).toEqual(['undeclared-url wss://ws.example/']);
    expect(rules(dist({ 'assets/a.js': 'const u="stun:stun.example.com:3478";' }))).toEqual(['undeclared-url stun:stun.example.com:3478']);
    expect(rules(dist({ 'assets/a.js': 'const u="stun:[2001:db8::1]:3478";' }))).toEqual(['undeclared-url stun:[2001:db8::1]:3478']);
    // A validation pattern, not an address.
    expect(rules(dist({ 'assets/a.js': 'const r=/^stun:[A-Za-z0-9.:[\\]-]{1,300}$/;' }))).toEqual([]);
  });

  it('catches a bare host name literal that is not a registry host', () => {
    expect(rules(dist({ 'assets/a.js': 'const h="collector.example.com";' }))).toEqual(['undeclared-host collector.example.com']);
    expect(rules(dist({ 'assets/a.js': 'const h="bash.ws",f="leakless-audit.json";' }))).toEqual([]);
  });

  it('catches eval, Function and string timers', () => {
    expect(rules(dist({ 'assets/a.js': 'eval(x)' }))).toEqual(['string-code \\beval\\s*\\(']);
    expect(rules(dist({ 'assets/a.js': 'new Function("return 1")' }))).toHaveLength(1);
    expect(rules(dist({ 'assets/a.js': 'setTimeout("alert(1)",1)' }))).toHaveLength(1);
    expect(rules(dist({ 'assets/a.js': 'setTimeout(()=>1,1)' }))).toEqual([]);
  });

  it('catches the test-only monitoring hook in a release build', () => {
    expect(rules(dist({ 'assets/bg.js': 'if(m.type==="test:monitor-trigger")fire()' }))).toEqual([
      'test-code the test-only monitoring hook reached the release build',
    ]);
  });

  it('catches the test-only page clock in a release build', () => {
    expect(rules(dist({ 'assets/p.js': 'const w=window;if(!w.__leakless)w.__leakless={};' }))).toEqual([
      'test-code the test-only page clock reached the release build',
    ]);
  });

  it('catches test-only rogue code in a release build', () => {
    expect(rules(dist({ 'assets/a.js': 'const x="rogue";' }))).toEqual(['test-code test-only rogue code reached the release build']);
  });

  it('catches other network APIs outside the gate and the WebRTC probe', () => {
    for (const api of [
      'new XMLHttpRequest()',
      'new WebSocket(u)',
      'navigator.sendBeacon(u)',
      'new EventSource(u)',
      'new RTCPeerConnection()',
    ]) {
      expect(rules(dist({ 'assets/a.js': api }))).toEqual([
        `network-api-outside-gate ${api.match(/XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection/)?.[0]} in a chunk without the gate or the WebRTC probe`,
      ]);
    }
    expect(rules(dist({ 'assets/w.js': 'new RTCPeerConnection();p.addEventListener("icegatheringstatechange",f)' }))).toEqual([]);
  });

  it("flags vite's modulepreload polyfill: it is a fetch outside the gate (the build turns it off)", () => {
    const polyfill =
      '(function(){let e=document.createElement(`link`).relList;if(e&&e.supports&&e.supports(`modulepreload`))return;for(let e of document.querySelectorAll(`link[rel="modulepreload"]`))n(e);function n(e){if(e.ep)return;e.ep=!0;let n=t(e);fetch(e.href,n)}})();';
    expect(rules(dist({ 'assets/p.js': polyfill })).join()).toMatch(/^network-api-outside-gate/);
  });

  it('reports a missing build folder', () => {
    expect(scanDist(['/nonexistent/leakless'], registry).problems.map((p) => p.rule)).toEqual(['missing-build']);
  });
});

describe('URL policy', () => {
  // Template-literal source text as it appears in the bundle, so `${…}` is meant literally.
  // biome-ignore-start lint/suspicious/noTemplateCurlyInString: bundle text
  const policy = urlPolicy(registry);
  it.each([
    ['https://api4.ipify.org/?format=json', true],
    ['https://{token}.dnsleak.am.i.mullvad.net/', true],
    ['https://abc123.dnsleak.am.i.mullvad.net/', true],
    ['https://*.bash.ws/*', true],
    ['https://bash.ws', true],
    ['stun:stun.l.google.com:19302', true],
    ['https://mullvad.net/en/help/privacy-policy', true],
    ['http://www.w3.org/2000/svg', true],
    ['https://ipv4.${n}/ip', true],
    ['https://${e}/*', true],
    ['https://${e}/collect', false],
    ['https://bash.ws.evil.example/', false],
    ['https://api4.ipify.org/', false],
    // biome-ignore-end lint/suspicious/noTemplateCurlyInString: bundle text
  ])('%s → %s', (url, allowed) => {
    expect(urlAllowed(url, policy)).toBe(allowed);
  });
});

describe('static audit of the source', () => {
  it('sees network APIs used as values, not in types, comments or object keys', () => {
    const code = `// fetch('x') in a comment
      import type { X } from './x';
      type P = typeof RTCPeerConnection;
      const o = { fetch: 1 };
      let a: WebSocket | null = null;`;
    expect(networkUses('a.ts', code)).toEqual([]);
    expect(networkUses('a.ts', 'fetch("https://x")')).toEqual(['fetch']);
    expect(networkUses('a.ts', 'const f = globalThis.fetch.bind(globalThis)')).toEqual(['.fetch']);
    expect(networkUses('a.ts', 'navigator.sendBeacon(u, d)')).toEqual(['.sendBeacon']);
    expect(networkUses('a.ts', 'img.src = u')).toEqual(['.src']);
    expect(networkUses('a.ts', 'document.createElement("script")')).toEqual(["createElement('script')"]);
    expect(networkUses('a.ts', 'new Worker(u)')).toEqual(['Worker']);
    expect(networkUses('a.tsx', 'const e = <img src={u} />')).toEqual(['src=']);
    expect(networkUses('a.ts', '(window as any).fetch(u)')).toEqual(['.fetch']);
  });

  it('fails a source file outside the gate that uses one, and passes the real tree', () => {
    const root = mkdtempSync(join(tmpdir(), 'leakless-src-'));
    dirs.push(root);
    mkdirSync(join(root, 'src/popup'), { recursive: true });
    mkdirSync(join(root, 'src/net/testing'), { recursive: true });
    writeFileSync(join(root, 'src/popup/ping.ts'), 'export const ping = () => fetch("https://x.example/");');
    writeFileSync(join(root, 'src/popup/ping.test.ts'), 'fetch("https://x.example/")');
    writeFileSync(join(root, 'src/net/testing/fake.ts'), 'fetch("https://x.example/")');
    writeFileSync(join(root, 'src/net/gate.ts'), 'export const g = (u: string) => fetch(u);');
    mkdirSync(join(root, 'src/ext'));
    // deps.ts may hand fetch over, but not call it with a URL of its own.
    writeFileSync(join(root, 'src/ext/deps.ts'), 'export const f = globalThis.fetch.bind(globalThis);');
    const scan = scanSource(root);
    expect(scan.files).toBe(3);
    expect(scan.problems).toEqual([{ file: 'src/popup/ping.ts', rule: 'network-api-outside-gate', detail: 'fetch' }]);
    writeFileSync(join(root, 'src/ext/deps.ts'), 'export const f = () => fetch("https://x.example/");');
    expect(scanSource(root).problems.map((p) => p.file)).toEqual(['src/ext/deps.ts', 'src/popup/ping.ts']);
  });
});

describe('telemetry packages', () => {
  it('finds them at any depth of the lockfile, by path or by name', () => {
    const lock = {
      packages: {
        '': { name: 'leakless' },
        'node_modules/preact': {},
        'node_modules/vite/node_modules/@sentry/node': {},
        'node_modules/alias': { name: 'posthog-js' },
        'node_modules/@opentelemetry/api': {},
      },
    };
    const scan = scanLockfile(lock);
    expect(scan.packages).toBe(4);
    expect(scan.problems.map((p) => p.detail)).toEqual([
      'node_modules/vite/node_modules/@sentry/node (matches @sentry/*)',
      'node_modules/alias (matches posthog-js)',
      'node_modules/@opentelemetry/api (matches @opentelemetry/*)',
    ]);
  });

  it.each([
    ['mixpanel-browser', true],
    ['@amplitude/analytics-browser', true],
    ['dd-trace', true],
    ['sentry-cli', false],
    ['preact', false],
    ['@segmentio/foo', false],
  ])('%s → %s', (name, hit) => {
    expect(telemetryMatch(name) !== null).toBe(hit);
  });
});
