import { readFileSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { noInnerHtml } from './scripts/no-inner-html';
import { buildRegistry } from './src/endpoints/registry';
import { makeManifest, type Target } from './src/manifest/derive';
import { MONITOR_PERMISSIONS } from './src/model/monitor';

const target: Target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';
const testBuild = process.env.LEAKLESS_TEST === '1';
const server = process.env.LEAKLESS_SERVER || null;
const registry = buildRegistry(server);
const readJson = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

const manifest = makeManifest({
  base: readJson('./manifest.json'),
  pkg: readJson('./package.json'),
  registry,
  target,
  testKey: testBuild ? readFileSync(new URL('./tests/fixtures/chrome-test-key.txt', import.meta.url), 'utf8').trim() : undefined,
  // Test builds have monitoring's optional permissions granted at install; the release build asks at opt-in.
  testGrants: testBuild ? MONITOR_PERMISSIONS : undefined,
});

export default defineConfig({
  plugins: [noInnerHtml(), preact(), crx({ manifest: manifest as never, browser: target })],
  define: {
    __LEAKLESS_SERVER__: JSON.stringify(server ?? ''),
    __LEAKLESS_TEST__: JSON.stringify(testBuild),
  },
  build: {
    outDir: `${testBuild ? 'dist-test' : 'dist'}/${target}`,
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    target: 'es2022',
    // Test builds add the bench's floor page: an empty extension page that sends one message.
    rollupOptions: {
      input: {
        audit: 'src/audit/index.html',
        history: 'src/history/index.html',
        ...(testBuild ? { floor: 'src/test-support/floor.html' } : {}),
      },
    },
    // No preload helper at all: the polyfill would be one more fetch() outside the gate, and the popup's
    // import('./main') is from its own package, read from disk, so a preload list only costs its bytes.
    modulePreload: false,
  },
});
