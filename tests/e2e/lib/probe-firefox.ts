// Firefox for the fault suite (puppeteer over WebDriver BiDi). What it can observe is less than in Chromium:
// BiDi exposes the popup page (console, uncaught errors) but not the extension's background page, so errors
// there go unseen; the popup's own recorder (page-clock.ts) still catches unhandled rejections in the popup.
import type { Page } from 'puppeteer-core';
import { launchFirefox } from '../browsers/firefox';
import { awaitSettled, installRecorder, type PopupTimes, pageCall } from './page-clock';
import { type PopupView, readPopup } from './popup';
import { awaitFloor, isBrowserNetworkNoise, type PopupRun, type ProbeBrowser, readSectionTexts, storageArea } from './probe-chromium';

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Waits for the popup document. The wait may start in the about:blank document that the navigation replaces;
 * BiDi then fails it ("Waiting failed", or a realm gone), so it is asked again in the new document.
 */
async function untilLoaded(page: Page): Promise<void> {
  const giveUp = Date.now() + 5_000;
  for (;;) {
    try {
      await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading', { timeout: 30_000 });
      // Where the preload script did not run in the extension page, the recorder starts now (then `started` is late).
      // A value comes back: BiDi sometimes fails to serialize a bare undefined right after navigation.
      await page.evaluate(`${pageCall(installRecorder)}, 1`);
      return;
    } catch (error) {
      if (Date.now() > giveUp) throw error;
    }
  }
}

export async function launchProbeFirefox(): Promise<ProbeBrowser> {
  const firefox = await launchFirefox();
  const errors: string[] = [];
  const watch = (page: Page, what: string) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !isBrowserNetworkNoise(msg.text())) errors.push(`${what} console: ${msg.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${what} error: ${e instanceof Error ? e.message : String(e)}`));
  };
  // An extension page that runs no check, for storage access (the options page only reads until changed).
  const options = await firefox.openPage('src/options/index.html');
  watch(options, 'options');
  const popupUrl = firefox.popupUrl();

  async function openPopupOnce(timeoutMs: number): Promise<PopupRun> {
    const page = await firefox.browser.newPage();
    watch(page, 'popup');
    try {
      await page.evaluateOnNewDocument(pageCall(installRecorder));
      // Over BiDi, goto() to an extension page commits at once but never resolves: wait for the page instead.
      page.goto(popupUrl, { timeout: 0 }).catch(() => undefined);
      await untilLoaded(page);
      const times = (await withTimeout(page.evaluate(pageCall(awaitSettled)), timeoutMs, 'popup did not settle')) as PopupTimes;
      const view = (await page.evaluate(pageCall(readPopup))) as PopupView;
      const texts = (await page.evaluate(pageCall(readSectionTexts))) as Record<string, string>;
      errors.push(...times.errors.map((e) => `popup ${e}`));
      return { view, texts, times };
    } finally {
      await page.close();
    }
  }

  return {
    name: 'firefox',
    observed: ['popup (console, uncaught errors, unhandled rejections)', 'options page (console)'],
    async setStorage(items) {
      await options.evaluate(`${pageCall(storageArea)}.set(${JSON.stringify(items)})`);
    },
    async readStorage() {
      // As JSON: BiDi's own serializer drops some values (an empty array under "headers" came back missing).
      const json = await options.evaluate(`${pageCall(storageArea)}.get(null).then((v) => JSON.stringify(v))`);
      return JSON.parse(String(json)) as Record<string, unknown>;
    },
    async openPopup(timeoutMs) {
      // Firefox's BiDi sometimes cannot evaluate in a freshly opened extension page at all ("right-hand side of
      // 'in' should be an object, got null" from its own serializer); a new page is then the only way on.
      for (let attempt = 1; ; attempt++) {
        try {
          return await openPopupOnce(timeoutMs);
        } catch (error) {
          if (attempt >= 3 || !/Waiting failed|right-hand side of 'in'/.test(String((error as Error).message ?? error))) throw error;
        }
      }
    },
    async openFloor() {
      const page = await firefox.openPage('src/test-support/floor.html');
      try {
        return (await withTimeout(page.evaluate(pageCall(awaitFloor)), 10_000, 'floor page did not answer')) as number;
      } finally {
        await page.close();
      }
    },
    async takeErrors() {
      return errors.splice(0);
    },
    close: () => firefox.close(),
  };
}
