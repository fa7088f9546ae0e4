// The static half of "collects nothing, and proves it": reads the RELEASE build (dist/chrome, dist/firefox),
// the source and package-lock.json, and fails on any address, network call, string-code or telemetry
// package that the endpoint registry does not account for.
//   npx tsx scripts/static-audit.ts [distDir...]     (LEAKLESS_SERVER as for the build)
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildRegistry } from '../src/endpoints';
import { type Problem, scanDist } from './audit/dist-scan';
import { NETWORK_SOURCE, scanSource } from './audit/source-scan';
import { telemetryMatch } from './telemetry-packages';

export {
  ALLOWED_LITERALS,
  type DistScan,
  hostAllowed,
  type Problem,
  scanDist,
  type UrlPolicy,
  urlAllowed,
  urlPolicy,
} from './audit/dist-scan';
export { NETWORK_SOURCE, networkUses, scanSource } from './audit/source-scan';

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
