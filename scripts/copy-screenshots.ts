// Copies the screenshots the end-to-end tests took into docs/screenshots, where the README shows them.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { SHOTS } from '../tests/e2e/lib/artifacts';

const WANTED = [
  'chromium-clean-light',
  'chromium-leak-light',
  'chromium-clean-dark',
  'chromium-errors-light',
  'chromium-checking-light',
  'firefox-clean',
  'chromium-options-light',
  'chromium-audit-light',
];
mkdirSync('docs/screenshots', { recursive: true });
for (const name of WANTED) {
  const from = `${SHOTS}${name}.png`;
  if (!existsSync(from)) {
    console.warn(`missing ${from}: did the end-to-end tests run?`);
    continue;
  }
  copyFileSync(from, `docs/screenshots/${name}.png`);
  console.log(`docs/screenshots/${name}.png`);
}
