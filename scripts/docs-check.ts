// PRIVACY.md and docs/permissions.md must say exactly what the code does. Both are checked against the
// endpoint registry and the manifests derived from it, so neither can drift from the build.
//   npx tsx scripts/docs-check.ts            check, exit 1 on drift
//   npx tsx scripts/docs-check.ts --table    print the PRIVACY.md request table as it must be
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRegistry, type Endpoint, PROVIDERS, type Registry } from '../src/endpoints';
import { selfHostedEndpoints } from '../src/endpoints/self-hosted';
import { KNOWN_LOCAL_KEYS } from '../src/ext/storage-keys';
import { makeManifest, type PackageInfo, type Target } from '../src/manifest/derive';
import { checkStoreDocs, readStoreDocs } from './store-docs-check';

const COLUMNS = ['id', 'provider', 'URL pattern', 'probe', 'what it carries', "provider's logging statement"] as const;

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|');

/** One PRIVACY.md table row per endpoint, in registry order. */
export function requestRow(endpoint: Endpoint): string[] {
  const provider = PROVIDERS[endpoint.provider];
  return [
    endpoint.id,
    provider.name,
    `\`${endpoint.url}\``,
    endpoint.probe,
    endpoint.carries,
    `${provider.logging} ([policy](${provider.policy}))`,
  ].map(escapeCell);
}

export function requestTable(registry: Registry): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(COLUMNS), line(COLUMNS.map(() => '---')), ...registry.endpoints.map((e) => line(requestRow(e)))].join('\n');
}

function splitRow(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

/** The rows of the markdown table whose first header cell is `id`. */
export function parseRequestTable(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith('|') && splitRow(l)[0] === 'id');
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.trim().startsWith('|')) break;
    rows.push(splitRow(line));
  }
  return rows;
}

/** Headings that start with a code span name a permission: "## `storage`". */
export function permissionHeadings(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^#{1,6}\s+`([^`]+)`/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

export function manifestPermissions(manifests: readonly Record<string, unknown>[]): string[] {
  const keys = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'];
  const all = manifests.flatMap((m) => keys.flatMap((k) => (Array.isArray(m[k]) ? (m[k] as unknown[]).map(String) : [])));
  return [...new Set(all)].sort();
}

export interface DocsInput {
  readonly privacy: string;
  readonly permissions: string;
  /** The registry without a server: what the default build ships. */
  readonly registry: Registry;
  readonly manifests: readonly Record<string, unknown>[];
}

export function checkDocs(input: DocsInput): string[] {
  const errors: string[] = [];
  const rows = parseRequestTable(input.privacy);
  if (rows.length === 0) errors.push('PRIVACY.md: no request table (a markdown table whose first column is "id")');
  const byId = new Map(rows.map((r) => [r[0] ?? '', r]));
  if (byId.size !== rows.length) errors.push('PRIVACY.md: an endpoint id appears in more than one row');
  for (const endpoint of input.registry.endpoints) {
    const row = byId.get(endpoint.id);
    if (!row) {
      errors.push(`PRIVACY.md: no row for endpoint ${endpoint.id}`);
      continue;
    }
    requestRow(endpoint).forEach((want, i) => {
      if (row[i] !== want)
        errors.push(`PRIVACY.md: ${endpoint.id}, column "${COLUMNS[i]}" is "${row[i] ?? ''}", the registry says "${want}"`);
    });
  }
  const ids = new Set(input.registry.endpoints.map((e) => e.id));
  for (const id of byId.keys()) if (!ids.has(id)) errors.push(`PRIVACY.md: row ${id} is not in the registry`);
  for (const e of selfHostedEndpoints('https://check.example.org')) {
    if (!input.privacy.includes(e.id)) errors.push(`PRIVACY.md: the self-hosted endpoint ${e.id} is not mentioned`);
  }

  // Every storage.local key the extension may write is named in PRIVACY.md (monitoring added four).
  for (const key of KNOWN_LOCAL_KEYS)
    if (!input.privacy.includes(`\`${key}\``)) errors.push(`PRIVACY.md: storage key ${key} is not mentioned`);

  const headings = permissionHeadings(input.permissions);
  const wanted = manifestPermissions(input.manifests);
  for (const p of wanted) if (!headings.includes(p)) errors.push(`docs/permissions.md: no heading for ${p}`);
  for (const h of headings) if (!wanted.includes(h)) errors.push(`docs/permissions.md: heading ${h} is asked for by neither manifest`);
  if (new Set(headings).size !== headings.length) errors.push('docs/permissions.md: a permission has two headings');
  return errors;
}

/** What the default build ships: no server, both targets, manifests made the way vite.config.ts makes them. */
export function defaultDocsInput(root: string): DocsInput {
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const registry = buildRegistry(null);
  const base = JSON.parse(read('manifest.json')) as Record<string, unknown>;
  const pkg = JSON.parse(read('package.json')) as PackageInfo;
  const targets: Target[] = ['chrome', 'firefox'];
  return {
    privacy: read('PRIVACY.md'),
    permissions: read('docs/permissions.md'),
    registry,
    manifests: targets.map((target) => makeManifest({ base, pkg, registry, target })),
  };
}

function main(): void {
  const root = process.cwd();
  if (process.argv.includes('--table')) {
    console.log(requestTable(buildRegistry(null)));
    return;
  }
  const input = defaultDocsInput(root);
  const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const errors = [...checkDocs(input), ...checkStoreDocs(readStoreDocs(root), input.registry, input.manifests, engines)];
  if (errors.length === 0) {
    console.log('docs check: PRIVACY.md, docs/permissions.md and docs/store/ match the registry and both manifests');
    return;
  }
  for (const e of errors) console.error(`  ${e}`);
  console.error(`docs check: ${errors.length} problem(s)`);
  process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
