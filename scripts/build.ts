// Builds dist/chrome and dist/firefox from one source, then the store archives.
// LEAKLESS_TEST=1 builds the test variant into dist-test/ instead (fixed Chromium id, no archives).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles, zipFiles } from './archive';
import { writeChecksums, writeFileList } from './checksums';

const root = new URL('..', import.meta.url).pathname;
const test = process.env.LEAKLESS_TEST === '1';
const out = join(root, test ? 'dist-test' : 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const vite = join(root, 'node_modules/vite/bin/vite.js');
// The config imports TypeScript without extensions, which vite's bundling loader (the default) handles.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';

for (const target of ['chrome', 'firefox'] as const) {
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // NODE_ENV from a caller (vitest sets 'test') would change the bundle: a release is always production.
    env: { ...process.env, TARGET: target, NODE_ENV: 'production' },
  });
}

// Each extension lists its own files (files.json), so the self-audit page can digest the installed copy.
const digests: Record<string, string> = {};
for (const target of ['chrome', 'firefox'] as const) digests[`leakless-${version}-${target}`] = await writeFileList(join(out, target));

function sourceFiles(): string[] {
  // The reviewer's copy is exactly what git tracks: no node_modules, no build output, nothing local.
  if (!existsSync(join(root, '.git'))) throw new Error('the source archive is made from a git checkout');
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  return tracked.filter((file) => existsSync(join(root, file))).map((file) => join(root, file));
}

if (!test) {
  mkdirSync(out, { recursive: true });
  for (const target of ['chrome', 'firefox'] as const) {
    const dir = join(out, target);
    writeFileSync(join(out, `leakless-${version}-${target}.zip`), zipFiles(dir, listFiles(dir)));
  }
  writeFileSync(join(out, `leakless-${version}-source.zip`), zipFiles(root, sourceFiles()));
  const archives = ['chrome', 'firefox', 'source'].map((kind) => join(out, `leakless-${version}-${kind}.zip`));
  writeChecksums(out, archives, digests);
  console.log(`archives in ${out}: leakless-${version}-{chrome,firefox,source}.zip, SHA256SUMS, FILE-DIGESTS`);
}
