// The popup's JS + CSS, gzip, must stay within budget: everything its HTML loads, and everything that imports.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const POPUP_BUDGET_BYTES = 25 * 1024;

const REFS_IN_HTML = /<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g;
// Quotes or backticks: the bundler writes a dynamic import as import(`./chunk.js`).
const REFS_IN_JS = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g;

/** Every JS/CSS file a page loads, following static and dynamic imports, as absolute paths. */
export function pageAssets(distDir: string, htmlPath: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    if (!file.endsWith('.js')) return;
    for (const [, ref] of readFileSync(file, 'utf8').matchAll(REFS_IN_JS)) visit(resolve(dirname(file), ref as string));
  };
  const html = readFileSync(join(distDir, htmlPath), 'utf8');
  for (const [, ref] of html.matchAll(REFS_IN_HTML)) {
    if (/^[a-z]+:/.test(ref as string)) continue; // an absolute URL would be remote code: the CSP refuses it anyway
    const path = (ref as string).startsWith('/') ? resolve(distDir, `.${ref}`) : resolve(dirname(join(distDir, htmlPath)), ref as string);
    visit(path);
  }
  return [...seen].sort();
}

export const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  for (const target of ['chrome', 'firefox']) {
    const dist = `dist/${target}`;
    const assets = pageAssets(dist, 'src/popup/index.html');
    const total = assets.reduce((sum, file) => sum + gzipSize(file), 0);
    console.log(
      `${target} popup: ${(total / 1024).toFixed(2)} KiB gzip of ${(POPUP_BUDGET_BYTES / 1024).toFixed(0)} KiB (${assets.length} files)`,
    );
    for (const file of assets)
      console.log(`  ${(gzipSize(file) / 1024).toFixed(2).padStart(6)} KiB  ${file.slice(file.indexOf(dist) + dist.length + 1)}`);
    failed ||= total > POPUP_BUDGET_BYTES || assets.length === 0;
  }
  process.exit(failed ? 1 : 0);
}
