// npm run verify -- <copy>...   Is this copy of Leakless the code in this repository?
// Each copy (folder, .zip, .xpi, .crx) is compared file by file with a fresh build of the same version,
// made in a clean temporary clone: at the tag v<version> if the repository has it, else at HEAD (or --rev).
// Options: --rev <commit>  --server <url> (a self-hosted build)  --npm-ci (install instead of linking
// this checkout's node_modules, which keeps it fast and offline)  --keep (leave the clone for a look).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readTree } from './checksums';
import { compareFiles } from './verify-compare';
import { readCopy, withoutStoreFiles } from './verify-read';

const root = new URL('..', import.meta.url).pathname;
/** The test build (npm run build:test) is told by its check server's zone, in both browsers' manifests. */
const TEST_SERVER = 'https://check.leakless.test';

interface Kind {
  readonly test: boolean;
  readonly server: string | null;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

export function describeCopy(manifest: Record<string, unknown>, server: string | null) {
  const hosts = (manifest.host_permissions as string[] | undefined) ?? [];
  const test = hosts.some((h) => /^https:\/\/([^/]*\.)?leakless\.test\//.test(h));
  const target = manifest.browser_specific_settings ? 'firefox' : 'chrome';
  return { version: String(manifest.version), target, kind: { test, server: test ? TEST_SERVER : server } as Kind };
}

function buildReference(rev: string, kind: Kind, npmCi: boolean, keep: boolean): { dir: string; cleanup(): void } {
  const clone = mkdtempSync(join(tmpdir(), 'leakless-verify-'));
  git(root, 'clone', '--quiet', '--shared', '--no-checkout', root, clone);
  git(clone, 'checkout', '--quiet', '--detach', rev);
  if (npmCi) execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: 'inherit' });
  else symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const env: NodeJS.ProcessEnv = { ...process.env, LEAKLESS_TEST: kind.test ? '1' : '', LEAKLESS_SERVER: kind.server ?? '' };
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: clone, env, stdio: ['ignore', 'ignore', 'inherit'] });
  return {
    dir: join(clone, kind.test ? 'dist-test' : 'dist'),
    cleanup: () => (keep ? console.log(`kept ${clone}`) : rmSync(clone, { recursive: true, force: true })),
  };
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rev: { type: 'string' }, server: { type: 'string' }, 'npm-ci': { type: 'boolean' }, keep: { type: 'boolean' } },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run verify -- <folder|.zip|.xpi|.crx>... [--rev <commit>] [--server <url>] [--npm-ci] [--keep]');
    return 2;
  }
  const copies = positionals.map((path) => {
    const { files, ignored } = withoutStoreFiles(readCopy(path));
    const manifest = files.get('manifest.json');
    if (!manifest) throw new Error(`${path}: no manifest.json`);
    return { path, files, ignored, ...describeCopy(JSON.parse(new TextDecoder().decode(manifest)), values.server ?? null) };
  });
  const builds = new Map<string, ReturnType<typeof buildReference>>();
  let failed = false;
  try {
    for (const copy of copies) {
      const tag = `v${copy.version}`;
      const rev = values.rev ?? (git(root, 'tag', '--list', tag) ? tag : 'HEAD');
      const key = JSON.stringify([rev, copy.kind]);
      if (!builds.has(key)) {
        const commit = git(root, 'rev-parse', '--short', `${rev}^{commit}`);
        const what = copy.kind.test ? 'test build' : copy.kind.server ? `build for ${copy.kind.server}` : 'release build';
        console.log(`verify: building ${what} of ${rev} (${commit}) in a clean clone${values['npm-ci'] ? '' : ', node_modules linked'}`);
        builds.set(key, buildReference(rev, copy.kind, values['npm-ci'] ?? false, values.keep ?? false));
      }
      const built = readTree(join((builds.get(key) as { dir: string }).dir, copy.target));
      const { differences, storeFields } = compareFiles(copy.files, built);
      for (const name of [...copy.ignored, ...storeFields]) console.log(`  ignored: ${name}`);
      if (differences.length === 0) console.log(`${copy.path}: identical (${built.size} files, ${copy.target} ${copy.version})`);
      else
        console.log(`${copy.path}: ${differences.length} difference(s) from ${copy.target} ${copy.version}\n  ${differences.join('\n  ')}`);
      failed ||= differences.length > 0;
    }
  } finally {
    for (const build of builds.values()) build.cleanup();
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main());
