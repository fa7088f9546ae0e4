// axe-core in real Chromium on the popup, the options page and the audit page, in every state the world can
// produce (checking, clean, leak, errors; light and dark): 0 violations. Also takes the README's screenshots.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Chromium, launchChromium } from './browsers/chromium';
import { shot } from './lib/artifacts';
import { popupSettled } from './lib/popup';
import type { FaultTable } from './world/faults';
import { CLEAN, LEAK, type Scenario } from './world/scenario';
import { startWorld, type World } from './world/world';

const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** Every provider of a section failing in its own way, and one more failing elsewhere: lines that say what went wrong. */
const ERRORS: Scenario = {
  ...CLEAN,
  name: 'errors',
  faults: {
    'leakless-ipv4': 'refuse',
    'mullvad-ipv4': 'status500',
    'ipify-ipv4': 'captive',
    'cloudflare-ipv4': 'wrong-family',
    'mullvad-dns': 'invalid-json',
    'bashws-id': 'status429',
  } satisfies FaultTable,
};
/** Nothing answers: the popup stays in its checking state until the deadline. */
const HANGING: Scenario = {
  ...CLEAN,
  name: 'checking',
  faults: Object.fromEntries(
    (
      [
        'leakless-ipv4',
        'leakless-ipv6',
        'leakless-dns',
        'mullvad-ipv4',
        'mullvad-ipv6',
        'mullvad-dns',
        'ipify-ipv4',
        'ipify-ipv6',
        'cloudflare-ipv4',
        'bashws-id',
      ] as const
    ).map((id) => [id, 'hang']),
  ),
};

let world: World;
let chromium: Chromium;
beforeAll(async () => {
  world = await startWorld(CLEAN);
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
  await world?.close();
});

async function violations(page: Page): Promise<string[]> {
  // Evaluated as a DevTools expression: the extension's CSP (rightly) refuses eval from the page itself.
  await page.evaluate(AXE);
  return page.evaluate(() => {
    const axe = (
      globalThis as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe;
    return axe.run(document).then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`));
  });
}

async function popupIn(scenario: Scenario, scheme: 'light' | 'dark', settle = true): Promise<string[]> {
  world.scenario = scenario;
  const page = await chromium.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(chromium.popupUrl());
  if (settle) await page.waitForFunction(popupSettled, undefined, { timeout: 30_000 });
  else await page.waitForSelector('[data-testid="verdict"][data-level="pending"]');
  await page.screenshot({ path: shot(`chromium-${scenario.name}-${scheme}`) });
  const found = await violations(page);
  await page.close();
  return found;
}

describe('accessibility (axe-core, Chromium)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test.each([CLEAN, LEAK, ERRORS])(`popup, $name, ${scheme}`, async (scenario) => {
      expect(await popupIn(scenario, scheme)).toEqual([]);
    });
  }

  test('the harness itself: a planted violation is found', async () => {
    world.scenario = CLEAN;
    const page = await chromium.context.newPage();
    await page.goto(chromium.popupUrl());
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'text' })));
    expect((await violations(page)).join()).toMatch(/label/);
    await page.close();
  });

  test('popup while checking', async () => {
    expect(await popupIn(HANGING, 'light', false)).toEqual([]);
  });

  test.each(['src/options/index.html', 'src/audit/index.html'])('%s, light and dark', async (path) => {
    world.scenario = CLEAN;
    for (const scheme of ['light', 'dark'] as const) {
      const page = await chromium.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`chrome-extension://${chromium.extensionId}/${path}`);
      await page.waitForFunction(() => document.querySelector('main') !== null && document.querySelector('[aria-busy="true"]') === null);
      const name = path.split('/')[1] ?? path;
      await page.setViewportSize({ width: 900, height: 900 });
      await page.screenshot({ path: shot(`chromium-${name}-${scheme}`), fullPage: true });
      expect(await violations(page), `${path} ${scheme}`).toEqual([]);
      await page.close();
    }
  });

  test('keyboard alone: Tab reaches every control in order, Space turns on the extended DNS test', async () => {
    world.scenario = CLEAN;
    const page = await chromium.context.newPage();
    await page.goto(chromium.popupUrl());
    await page.waitForFunction(popupSettled, undefined, { timeout: 30_000 });
    const names: string[] = [];
    // 14: the header also offers monitoring while it is off (one more control).
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => (document.activeElement?.textContent || document.activeElement?.getAttribute('role') || '').trim()),
      );
    }
    const order = ['Settings', 'Open the self-audit', 'Re-run', 'switch', 'Copy as text', 'Copy as JSON'].map((n) => names.indexOf(n));
    expect(
      order.every((at) => at >= 0),
      names.join(' | '),
    ).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The switch: focus it by keyboard, press Space, and the next check resolves 36 names per provider.
    while ((await page.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'switch') await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).checked)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => /test names resolved: 108/.test(document.querySelector('[data-testid="section-dns"]')?.textContent ?? ''),
      undefined,
      {
        timeout: 30_000,
      },
    );
    await page.close();
  });
});
