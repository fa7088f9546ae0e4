/**
 * Compiles the check server into one JavaScript file that runs on plain Node 20 — no tsx, no
 * TypeScript and no node_modules beside it: ioredis, ipaddr.js and the rest are bundled in. The operator
 * databases are data, not code: copied with their licence notices into dist-server/ip-data/, where the
 * bundle looks by default (server/ipdata/paths.ts).
 *
 *   npx tsx scripts/build-server.ts    → dist-server/leakless-server.mjs, dist-server/ip-data/
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { besideDir, DATA_FILES, packageDir } from '../server/ipdata/paths.ts';

const SERVER_BUNDLE = fileURLToPath(new URL('../dist-server/leakless-server.mjs', import.meta.url));

await build({
  entryPoints: [fileURLToPath(new URL('../server/main.ts', import.meta.url))],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // The bundled CommonJS libraries (ioredis) call require() for node's own modules.
  banner: { js: "import { createRequire as __leaklessRequire } from 'node:module'; const require = __leaklessRequire(import.meta.url);" },
  legalComments: 'linked',
  logLevel: 'warning',
});

const DIST = fileURLToPath(new URL('../dist-server/', import.meta.url));
rmSync(join(DIST, 'ip-data'), { recursive: true, force: true });
for (const { pkg, files, notices } of Object.values(DATA_FILES)) {
  const from = packageDir(pkg);
  if (!from) throw new Error(`${pkg} is not installed: run npm ci`);
  const to = join(DIST, besideDir(pkg));
  mkdirSync(to, { recursive: true });
  for (const f of [...files, ...notices]) copyFileSync(join(from, f), join(to, f));
}
