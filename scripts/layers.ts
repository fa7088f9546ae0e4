// Which part of src/ may import which: layers import downward only. `npm test` runs this through
// tests/unit/layers.test.ts; the table is the rule, written out, not derived from the code it checks.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** Lower ranks are lower layers. A file may import its own folder or any folder of a strictly lower rank. */
export const LAYER_RANKS: Readonly<Record<string, number>> = {
  model: 0,
  endpoints: 1,
  net: 2,
  manifest: 2,
  probes: 3,
  verdict: 4,
  ext: 5, // the thin layer over browser APIs: the probes' browser deps, storage, the WebRTC policy
  port: 5,
  i18n: 6,
  'test-support': 6,
  monitor: 6, // opt-in monitoring's logic (issue 11): change detection, badge, texts, the engine with injected APIs
  ui: 7,
  audit: 8,
  background: 9,
  popup: 9,
  options: 9,
  history: 9,
};

/** The layer of a path under src/ ('src/net/gate.ts' → 'net'), or null outside src/. */
export function layerOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return null;
  return parts[1] ?? null;
}

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

/** Relative imports of one file, resolved to repository paths (extensions dropped). */
export function importsOf(file: string, text: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'(\.[^']*)'/g)) {
    const spec = m[1] ?? '';
    edges.push({ from: file, to: normalize(join(dirname(file), spec)).replace(/\.(tsx?|js)$/, '') });
  }
  return edges;
}

/** Why an edge breaks the layering, or null when it is allowed. */
export function violation(edge: ImportEdge, isTest: boolean): string | null {
  if (edge.to.startsWith('scripts/') || edge.to === 'scripts') return `${edge.from} imports ${edge.to}: src/ never imports build scripts`;
  if (isTest) return null;
  const from = layerOf(edge.from);
  const to = layerOf(edge.to);
  if (from === null || to === null || from === to) return null;
  const a = LAYER_RANKS[from];
  const b = LAYER_RANKS[to];
  if (a === undefined) return `${edge.from}: folder ${from} has no layer`;
  if (b === undefined) return `${edge.from} imports ${edge.to}: folder ${to} has no layer`;
  return b < a ? null : `${edge.from} imports ${edge.to}: ${from} (layer ${a}) may not import ${to} (layer ${b})`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Every layering violation in the tree at `root`. */
export function layerViolations(root: string): string[] {
  const out: string[] = [];
  for (const abs of filesUnder(join(root, 'src'))) {
    const file = relative(root, abs);
    const isTest = /\.test\.tsx?$|\/testing\/|\/fixtures\.ts$|\/fakes\.ts$/.test(file);
    for (const edge of importsOf(file, readFileSync(abs, 'utf8'))) {
      const why = violation(edge, isTest);
      if (why) out.push(why);
    }
  }
  return out;
}
