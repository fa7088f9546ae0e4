// The store listing images, from the real release build in Chromium: 1280×800 screenshots (Chrome Web
// Store, Edge Add-ons and addons.mozilla.org all take that size), the 440×280 promotional tile, and the
// 128 px store icon (96 px artwork, 16 px transparent padding). Written to artifacts/store-assets/, or to
// $STORE_ASSETS_DIR (`npm run store-assets` sets docs/store/assets).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Chromium, launchChromium } from './browsers/chromium';
import { DIST } from './browsers/dists';
import { popupSettled } from './lib/popup';
import { CLEAN, LEAK, type Scenario } from './world/scenario';
import { startWorld, type World } from './world/world';

const root = new URL('../../', import.meta.url).pathname;
const OUT = process.env.STORE_ASSETS_DIR ? join(root, process.env.STORE_ASSETS_DIR) : join(root, 'artifacts/store-assets');
mkdirSync(OUT, { recursive: true });
const ICON = `data:image/png;base64,${readFileSync(join(root, 'public/icons/128.png')).toString('base64')}`;
const en = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const TAGLINE = 'Does your connection leak who you are?';

type Scheme = 'light' | 'dark';
const COLORS: Record<Scheme, { bg: string; fg: string }> = {
  light: { bg: '#eef2f7', fg: '#1b2430' },
  dark: { bg: '#161b22', fg: '#e6edf3' },
};

let world: World;
let chromium: Chromium;
beforeAll(async () => {
  world = await startWorld(CLEAN);
  chromium = await launchChromium({ dist: DIST.chrome });
});
afterAll(async () => {
  await chromium?.close();
  await world?.close();
});

/** Renders `html` on a plain page of the given size and saves it; `transparent` keeps the background out. */
async function compose(name: string, html: string, width: number, height: number, transparent = false): Promise<void> {
  const page = await chromium.context.newPage();
  await page.setViewportSize({ width, height });
  await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  await page.screenshot({ path: join(OUT, `${name}.png`), omitBackground: transparent });
  await page.close();
}

async function popupShot(scenario: Scenario, scheme: Scheme): Promise<Buffer> {
  world.scenario = scenario;
  const page = await chromium.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(chromium.popupUrl());
  await page.waitForFunction(popupSettled, undefined, { timeout: 30_000 });
  const png = await page.screenshot({ fullPage: true });
  await page.close();
  return png;
}

async function pageShot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main') !== null && document.querySelector('[aria-busy="true"]') === null);
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  await page.close();
}

const caption = (scheme: Scheme, title: string, line: string) =>
  `<div style="font:600 44px system-ui,sans-serif;color:${COLORS[scheme].fg};max-width:560px">${title}` +
  `<div style="font:400 26px system-ui,sans-serif;margin-top:20px;opacity:.8">${line}</div></div>`;

describe('store listing assets', () => {
  for (const [scenario, title, line] of [
    [CLEAN, 'No leak found', 'Public IPs, DNS resolvers and WebRTC, checked locally.'],
    [LEAK, 'Leaks, explained', 'WebRTC and DNS showing more than your web address does.'],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`popup, ${scenario.name}, ${scheme}: 1280×800`, async () => {
        const png = await popupShot(scenario, scheme);
        const img = `<img alt="" src="data:image/png;base64,${png.toString('base64')}" style="border-radius:12px;box-shadow:0 12px 40px rgba(0,0,0,.35);max-height:720px">`;
        await compose(
          `screenshot-popup-${scenario.name}-${scheme}`,
          `<div style="width:1280px;height:800px;background:${COLORS[scheme].bg};display:flex;align-items:center;justify-content:space-evenly">${caption(scheme, title, line)}${img}</div>`,
          1280,
          800,
        );
      });
    }
  }

  test.each([
    ['src/audit/index.html', 'screenshot-audit'],
    ['src/options/index.html', 'screenshot-options'],
  ])('%s: 1280×800', async (path, name) => {
    const page = await chromium.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`chrome-extension://${chromium.extensionId}/${path}`);
    await pageShot(page, name);
  });

  test('the audit page shows the digest the build wrote for this copy', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const line = readFileSync(join(root, 'dist/FILE-DIGESTS'), 'utf8')
      .split('\n')
      .find((l) => l.endsWith(`  leakless-${version}-chrome`));
    const page = await chromium.context.newPage();
    await page.goto(`chrome-extension://${chromium.extensionId}/src/audit/index.html`);
    const digest = await page.waitForSelector('[data-testid="audit-digest"]', { timeout: 30_000 });
    expect(`${await digest.textContent()}  leakless-${version}-chrome`).toBe(line);
    await page.close();
  });

  test('promotional tile 440×280 and the 128 px store icon', async () => {
    await compose(
      'tile-440x280',
      `<div style="width:440px;height:280px;background:#f4f7fb;color:#1b2430;display:flex;flex-direction:column;align-items:center;justify-content:center;font-family:system-ui,sans-serif">
        <img alt="" src="${ICON}" width="96" height="96"><div style="font:700 40px system-ui;margin-top:10px">${en.extName?.message}</div>
        <div style="font:400 18px system-ui;margin-top:6px;opacity:.9">${TAGLINE}</div></div>`,
      440,
      280,
    );
    await compose('icon-128', `<img alt="" src="${ICON}" width="96" height="96" style="display:block;margin:16px">`, 128, 128, true);
    expect(readFileSync(join(OUT, 'icon-128.png')).readUInt32BE(16)).toBe(128); // PNG IHDR width
  });
});
