// npm run verify against the copies that matter: the archives, the copy each browser installed (read
// from its profile), a .crx made by Chromium's own packer, and a copy with one byte changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { GECKO_ID } from '../../src/manifest/derive';
import { launchChromium } from './browsers/chromium';
import { DIST } from './browsers/dists';
import { launchFirefox } from './browsers/firefox';

const root = new URL('../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const work = mkdtempSync(join(tmpdir(), 'leakless-verify-e2e-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The unpacked path Chromium's profile records for the extension (written out at the latest on exit). */
async function chromiumInstalled(): Promise<string> {
  const chromium = await launchChromium({ dist: DIST.chrome });
  await chromium.context.close();
  try {
    for (const name of ['Secure Preferences', 'Preferences']) {
      const file = join(chromium.profile, 'Default', name);
      if (!existsSync(file)) continue;
      const path = JSON.parse(readFileSync(file, 'utf8')).extensions?.settings?.[chromium.extensionId]?.path;
      if (path) return path;
    }
    return '';
  } finally {
    await chromium.close();
  }
}

/**
 * Firefox installs the release .xpi from its profile's extensions/ folder like any sideloaded add-on (ESR
 * lets an unsigned one in); its extensions.json then names the file it runs from.
 */
async function firefoxInstalled(): Promise<string> {
  const profile = join(work, 'firefox-profile');
  mkdirSync(join(profile, 'extensions'), { recursive: true });
  copyFileSync(join(root, `dist/leakless-${version}-firefox.zip`), join(profile, `extensions/${GECKO_ID}.xpi`));
  const prefs = { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0, 'extensions.enabledScopes': 15 };
  const firefox = await launchFirefox({ dist: null, profile, prefs });
  try {
    const page = await firefox.openPage('src/options/index.html');
    expect(await page.evaluate(() => document.title)).toBe('Leakless settings');
  } finally {
    await firefox.close();
  }
  const addons = JSON.parse(readFileSync(join(profile, 'extensions.json'), 'utf8')).addons as { id: string; path: string }[];
  return addons.find((a) => a.id === GECKO_ID)?.path ?? '';
}

/** A .crx of the release build from Chromium's own packer, with a fresh key. */
function packedCrx(): string {
  const dir = join(work, 'chrome');
  cpSync(DIST.chrome, dir, { recursive: true });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(work, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    `--pack-extension=${dir}`,
    `--pack-extension-key=${join(work, 'key.pem')}`,
  ]);
  return join(work, 'chrome.crx');
}

/** The release build with one byte of one file changed. */
function tampered(): string {
  const dir = join(work, 'tampered');
  cpSync(DIST.chrome, dir, { recursive: true });
  const file = join(dir, 'src/popup/index.html');
  const bytes = readFileSync(file);
  const at = bytes.length - 2;
  bytes.writeUInt8(bytes.readUInt8(at) ^ 1, at);
  writeFileSync(file, bytes);
  return dir;
}

let copies: Record<string, string>;
beforeAll(async () => {
  const xpi = join(work, `leakless-${version}-firefox.xpi`);
  copyFileSync(join(root, `dist/leakless-${version}-firefox.zip`), xpi);
  copies = {
    folder: DIST.chrome,
    zip: join(root, `dist/leakless-${version}-chrome.zip`),
    xpi,
    crx: packedCrx(),
    'chromium-installed': await chromiumInstalled(),
    'firefox-installed': await firefoxInstalled(),
    tampered: tampered(),
  };
}, 180_000);

test('verify: identical for every real copy, and names the one changed file', () => {
  expect(copies['chromium-installed']).toBe(DIST.chrome);
  expect(copies['firefox-installed']).toBe(join(work, `firefox-profile/extensions/${GECKO_ID}.xpi`));
  // The working tree as it is (tracked files, committed or not), so a dirty checkout tests itself.
  const rev = execFileSync('git', ['stash', 'create'], { cwd: root, encoding: 'utf8' }).trim() || 'HEAD';
  const run = spawnSync('npx', ['tsx', 'scripts/verify.ts', '--rev', rev, ...Object.values(copies)], { cwd: root, encoding: 'utf8' });
  const lines = run.stdout.trimEnd().split('\n');
  expect(run.status, run.stdout + run.stderr).toBe(1);
  expect(
    lines.filter((l) => l.includes(': identical (')),
    run.stdout + run.stderr,
  ).toEqual([
    `${copies.folder}: identical (48 files, chrome ${version})`,
    `${copies.zip}: identical (48 files, chrome ${version})`,
    `${copies.xpi}: identical (48 files, firefox ${version})`,
    `${copies.crx}: identical (48 files, chrome ${version})`,
    `${copies['chromium-installed']}: identical (48 files, chrome ${version})`,
    `${copies['firefox-installed']}: identical (48 files, firefox ${version})`,
  ]);
  expect(lines.slice(-2)).toEqual([`${copies.tampered}: 1 difference(s) from chrome ${version}`, '  differs: src/popup/index.html']);
}, 180_000);
