// The static half of "collects nothing, and proves it": reads the RELEASE build (dist/chrome, dist/firefox),
// the source and package-lock.json, and fails on any address, network call, string-code or telemetry
// package that the endpoint registry does not account for.
//   npx tsx scripts/static-audit.ts [distDir...]     (LEAKLESS_SERVER as for the build)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSync } from 'vite';
import { buildRegistry, endpointHost, hostPatterns, matchesUrl, PROVIDERS, type Registry } from '../src/endpoints';
import { selfHostedEndpoints } from '../src/endpoints/self-hosted';
import { telemetryMatch } from './telemetry-packages';

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

function listFiles(dir: string, keep: (path: string) => boolean): string[] {
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
      if (api && !code.includes(GATE_MARKER) && !code.includes(WEBRTC_MARKER)) {
        add('network-api-outside-gate', `${api[0]} in a chunk without the gate or the WebRTC probe`);
      }
    }
  }
  return { files, literals, problems };
}

/**
 * Source files that may touch a network API, each with the reason. `apis` limits a file to handing the
 * browser's objects over (a reference, never a call of its own); without it, any use is allowed.
 */
export const NETWORK_SOURCE: readonly { readonly path: string; readonly apis?: readonly string[]; readonly why: string }[] = [
  { path: 'src/net/', why: 'the gate: the one way to the network besides WebRTC' },
  { path: 'src/probes/webrtc/', why: 'the WebRTC probe (STUN to registry endpoints only)' },
  {
    path: 'src/ext/deps.ts',
    apis: ['.fetch', '.RTCPeerConnection'],
    why: "hands the browser's fetch to the gate and RTCPeerConnection to the probe",
  },
  {
    path: 'src/background/check-service.ts',
    apis: ['.RTCPeerConnection'],
    why: "hands Firefox's background RTCPeerConnection to the probe",
  },
  {
    path: 'src/popup/check.ts',
    apis: ['.RTCPeerConnection'],
    why: "hands the popup's RTCPeerConnection to the probe (Chrome's worker has none)",
  },
  { path: 'src/endpoints/rogue.ts', why: 'test builds only; the release build must not contain it (checked in dist)' },
];

function sourceAllowed(file: string, uses: readonly string[]): boolean {
  return NETWORK_SOURCE.some(
    (a) => (file === a.path || (a.path.endsWith('/') && file.startsWith(a.path))) && (!a.apis || uses.every((u) => a.apis?.includes(u))),
  );
}

const NETWORK_NAMES = new Set([
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'sendBeacon',
  'RTCPeerConnection',
  'importScripts',
  'Worker',
  'SharedWorker',
  'Image',
]);
const LOADING_ELEMENTS = new Set(['script', 'img', 'iframe', 'link', 'audio', 'video', 'source', 'embed', 'object', 'frame']);
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments']);
const VALUE_WRAPPERS = new Set([
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TSInstantiationExpression',
]);

interface Node {
  readonly type: string;
  readonly [key: string]: unknown;
}
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
const nameOf = (v: unknown): string | null => (isNode(v) && v.type === 'Identifier' && typeof v.name === 'string' ? v.name : null);

/** Network APIs a TypeScript file uses as values (types, comments and object keys do not count). */
export function networkUses(file: string, code: string): string[] {
  const uses: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isNode(value)) return;
    const n = value;
    if (n.type === 'ImportDeclaration' || (n.type === 'ExportNamedDeclaration' && n.exportKind === 'type')) return;
    if (n.type.startsWith('TS')) {
      if (VALUE_WRAPPERS.has(n.type)) visit(n.expression);
      return;
    }
    if (n.type === 'Identifier' && typeof n.name === 'string' && NETWORK_NAMES.has(n.name)) uses.push(n.name);
    if (n.type === 'MemberExpression' && !n.computed) {
      const prop = nameOf(n.property);
      if (prop && NETWORK_NAMES.has(prop)) uses.push(`.${prop}`);
      if (prop === 'src' || prop === 'srcset') uses.push(`.${prop}`);
      visit(n.object);
      return;
    }
    if (n.type === 'CallExpression' && isNode(n.callee) && n.callee.type === 'MemberExpression') {
      const method = nameOf(n.callee.property);
      const first = Array.isArray(n.arguments) ? n.arguments[0] : undefined;
      const literal = isNode(first) && first.type === 'Literal' ? String(first.value).toLowerCase() : '';
      if (method === 'createElement' && LOADING_ELEMENTS.has(literal)) uses.push(`createElement('${literal}')`);
      if (method === 'setAttribute' && (literal === 'src' || literal === 'srcset')) uses.push(`setAttribute('${literal}')`);
    }
    if (n.type === 'JSXAttribute' && isNode(n.name) && (n.name.name === 'src' || n.name.name === 'srcset')) uses.push('src=');
    for (const [key, child] of Object.entries(n)) {
      if (TYPE_KEYS.has(key)) continue;
      if (key === 'key' && (n.type === 'Property' || n.type === 'PropertyDefinition' || n.type === 'MethodDefinition') && !n.computed)
        continue;
      if (typeof child === 'object') visit(child);
    }
  };
  const lang = file.endsWith('.tsx') ? 'tsx' : 'ts';
  const parsed = parseSync(file, code, { lang });
  if (parsed.errors.length) return [`unparsable: ${parsed.errors[0]?.message ?? ''}`];
  visit(parsed.program);
  return [...new Set(uses)];
}

const isTestFile = (path: string): boolean => /\.test\.tsx?$/.test(path) || path.includes('/src/net/testing/');

/** src/**: any file outside NETWORK_SOURCE that uses a network API. */
export function scanSource(root: string): { files: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const paths = listFiles(join(root, 'src'), (p) => /\.tsx?$/.test(p) && !p.endsWith('.d.ts') && !isTestFile(p.split(sep).join('/')));
  for (const path of paths) {
    const file = relative(root, path).split(sep).join('/');
    const uses = networkUses(file, readFileSync(path, 'utf8'));
    if (uses.length && !sourceAllowed(file, uses)) {
      problems.push({ file, rule: 'network-api-outside-gate', detail: uses.join(', ') });
    }
  }
  return { files: paths.length, problems };
}

/** Every package in the lockfile (any depth), against the telemetry list. */
export function scanLockfile(
  lock: { packages?: Record<string, { name?: string }> },
  file = 'package-lock.json',
): { packages: number; problems: Problem[] } {
  const entries = Object.entries(lock.packages ?? {}).filter(([key]) => key !== '');
  const problems: Problem[] = [];
  for (const [key, info] of entries) {
    for (const name of new Set([key.split('node_modules/').pop() ?? key, info.name ?? ''])) {
      const hit = name ? telemetryMatch(name) : null;
      if (hit) problems.push({ file, rule: 'telemetry-package', detail: `${key} (matches ${hit})` });
    }
  }
  return { packages: entries.length, problems };
}

function main(): void {
  const root = process.cwd();
  const registry = buildRegistry(process.env.LEAKLESS_SERVER || null);
  const args = process.argv.slice(2);
  const dirs = args.length ? args : [join(root, 'dist/chrome'), join(root, 'dist/firefox')];
  const dist = scanDist(dirs, registry);
  const source = scanSource(root);
  const lock = scanLockfile(JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')));
  console.log(`dist: ${dist.files} .js/.html files in ${dirs.map((d) => relative(root, d)).join(', ')}; ${dist.literals} URL literals`);
  console.log(
    `source: ${source.files} files in src/ (tests excluded); network APIs allowed only in ${NETWORK_SOURCE.map((a) => a.path).join(', ')}`,
  );
  console.log(`lockfile: ${lock.packages} packages checked against the telemetry list`);
  console.log(`registry: ${registry.endpoints.length} endpoints${registry.server ? ` (server ${registry.server})` : ''}`);
  const problems = [...dist.problems, ...source.problems, ...lock.problems];
  if (problems.length === 0) {
    console.log('static audit: pass');
    return;
  }
  console.error(`static audit: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p.rule}  ${p.file}  ${p.detail}`);
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
