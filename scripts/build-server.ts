/**
 * Compiles the check server into one JavaScript file that runs on plain Node 20 — no tsx, no
 * TypeScript and no node_modules beside it: ioredis, ipaddr.js and the rest are bundled in.
 *
 *   npx tsx scripts/build-server.ts    → dist-server/leakless-server.mjs
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
