// The source's half of the static audit: which files may use a network API, and how.
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseSync } from 'vite';
import { listFiles, type Problem } from './dist-scan';

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
  { path: 'src/audit/own-files.ts', apis: ['fetch'], why: "the self-audit reads the extension's own files (same origin) to digest them" },
  { path: 'src/test-support/rogue.ts', why: 'test builds only; the release build must not contain it (checked in dist)' },
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
