// The release build's half of the static audit: URL and host literals, network APIs, string code.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseSync } from 'vite';
import { endpointHost, hostPatterns, matchesUrl, PROVIDERS, type Registry } from '../../src/endpoints';
import { selfHostedEndpoints } from '../../src/endpoints/self-hosted';

export interface Problem {
  readonly file: string;
  readonly rule: string;
  readonly detail: string;
}

/** Literals that are not requests, each with the reason; keep this list small. */
export const ALLOWED_LITERALS: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/2000/svg', 'XML namespace preact passes to createElementNS; never fetched'],
  ['http://www.w3.org/1999/xhtml', 'XML namespace preact passes to createElementNS; never fetched'],
  ['http://www.w3.org/1998/Math/MathML', 'XML namespace preact passes to createElementNS; never fetched'],
  ['https://check.example.org', 'example origin in the LEAKLESS_SERVER error message of src/endpoints/self-hosted.ts (RFC 2606 name)'],
]);

// A STUN URL must start with a host (or a bracketed IPv6 address): `stun:[A-Z…` in a regular expression is not one.
const URL_LITERAL = /\b(?:(?:https?|wss?):\/\/|stuns?:(?=\[[0-9a-f:.]+\]|[a-z0-9{$*]))[^\s"'`<>()\\]+/gi;
const HOST_LIKE = /^(?:\*\.)?(?:[a-z0-9-]+\.)+[a-z]{2,63}$/i;
const FILE_NAME = /\.(?:js|mjs|css|html|json|png|svg|txt|zip|ts|tsx)$/i;
const SAMPLE_ZONE = 'zone.leakless.invalid';

export const GATE_MARKER = 'no-referrer'; // src/net/request.ts: every gate request sets it
export const WEBRTC_MARKER = 'icegatheringstatechange'; // src/probes/webrtc/gather.ts
export const OWN_FILES_MARKER = 'not one of the packaged files'; // src/audit/own-files.ts: same-origin reads only
const DIST_NETWORK_API = /\bfetch\b|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection|importScripts|\bWorker\s*\(/;
const STRING_CODE = [/\beval\s*\(/, /\bFunction\s*\(/, /\bset(?:Timeout|Interval)\s*\(\s*["'`]/];

export interface UrlPolicy {
  readonly endpoints: Registry['endpoints'];
  readonly hosts: readonly string[];
  readonly links: ReadonlySet<string>;
}

export function urlPolicy(registry: Registry): UrlPolicy {
  // The self-hosted endpoints' code is in every build (buildRegistry calls it); its templates are allowed in their own shape.
  const endpoints = [...registry.endpoints, ...selfHostedEndpoints(`https://${SAMPLE_ZONE}`)];
  const hosts = [...new Set([...hostPatterns(endpoints), ...endpoints.map(endpointHost)])];
  // Provider policy links are shown for the user to open; the extension never requests them.
  const links = new Set(Object.values(PROVIDERS).map((p) => p.policy));
  return { endpoints, hosts, links };
}

function concreteAllowed(url: string, policy: UrlPolicy): boolean {
  if (ALLOWED_LITERALS.has(url) || policy.links.has(url)) return true;
  if (policy.endpoints.some((e) => e.url === url || matchesUrl(e, url))) return true;
  const origin = /^https:\/\/([^/]+)(?:\/\*)?$/.exec(url); // CSP sources and host permission patterns
  return origin !== null && policy.hosts.includes(origin[1] ?? '');
}

/** Whether a URL literal is one the registry accounts for. `${…}` parts may stand only for a registry host. */
export function urlAllowed(literal: string, policy: UrlPolicy): boolean {
  const url = literal.replace(/[.,;:]+$/, '');
  if (!url.includes('${')) return concreteAllowed(url, policy);
  return [SAMPLE_ZONE, ...policy.hosts].some((host) => concreteAllowed(url.replace(/\$\{[^}]*\}/g, host), policy));
}

export function hostAllowed(host: string, policy: UrlPolicy): boolean {
  const linkHosts = [...policy.links, ...ALLOWED_LITERALS.keys()].flatMap((u) => (/^https?:\/\/([^/]+)/.exec(u) ?? []).slice(1));
  return policy.hosts.includes(host) || linkHosts.includes(host);
}

function stringLiterals(file: string, code: string): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const n = node as { type?: string; value?: unknown };
    if (n.type === 'Literal' && typeof n.value === 'string') found.push(n.value);
    if (n.type === 'TemplateElement' && typeof n.value === 'object' && n.value !== null) {
      found.push(String((n.value as { cooked?: string; raw?: string }).cooked ?? (n.value as { raw?: string }).raw ?? ''));
    }
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(parseSync(file, code, { lang: 'js' }).program);
  return found;
}

export function listFiles(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, keep) : keep(path) ? [path] : [];
    });
}

export interface DistScan {
  readonly files: number;
  readonly literals: number;
  readonly problems: Problem[];
}

/** Every .js/.html file of the given build folders. */
export function scanDist(dirs: readonly string[], registry: Registry): DistScan {
  const policy = urlPolicy(registry);
  const problems: Problem[] = [];
  let files = 0;
  let literals = 0;
  for (const dir of dirs) {
    if (!existsSync(dir))
      problems.push({ file: dir, rule: 'missing-build', detail: 'build folder not found; run the release build first' });
    for (const path of listFiles(dir, (p) => /\.(?:js|html)$/.test(p))) {
      files++;
      const file = relative(process.cwd(), path);
      const text = readFileSync(path, 'utf8');
      const add = (rule: string, detail: string) => problems.push({ file, rule, detail });
      if (/rogue/i.test(text)) add('test-code', 'test-only rogue code reached the release build');
      if (/test:monitor/i.test(text)) add('test-code', 'the test-only monitoring hook reached the release build');
      if (/__leakless/.test(text)) add('test-code', 'the test-only page clock reached the release build');
      for (const match of text.matchAll(URL_LITERAL)) {
        literals++;
        if (!urlAllowed(match[0], policy)) add('undeclared-url', match[0]);
      }
      for (const re of STRING_CODE) if (re.test(text)) add('string-code', re.source);
      if (!path.endsWith('.js')) continue;
      for (const s of stringLiterals(path, text)) {
        if (HOST_LIKE.test(s) && !FILE_NAME.test(s) && !hostAllowed(s, policy)) add('undeclared-host', s);
      }
      const code = text;
      const api = DIST_NETWORK_API.exec(code);
      if (api && ![GATE_MARKER, WEBRTC_MARKER, OWN_FILES_MARKER].some((marker) => code.includes(marker))) {
        add('network-api-outside-gate', `${api[0]} in a chunk without the gate or the WebRTC probe`);
      }
    }
  }
  return { files, literals, problems };
}
