import { type Chromium, launchChromium } from '../browsers/chromium';
import { type Firefox, launchFirefox } from '../browsers/firefox';
import { shot } from './artifacts';
import { type PopupView, popupSettled, readPopup } from './popup';

/**
 * A page function as an expression, for Firefox (BiDi evaluates strings outside the page's CSP). Source
 * transforms (tsx's keepNames) wrap inner functions in a `__name` helper that does not exist in the page;
 * the expression brings a stand-in along. Chromium gets functions (its string evaluation is an eval the
 * extension's CSP refuses) and the stand-in from an init script (see launchChromium).
 */
export const inPage = (fn: () => unknown) => `(() => { const __name = (f) => f; return (${fn.toString()})(); })()`;

/** What a test needs of a browser, the same for Chromium (playwright) and Firefox (puppeteer, BiDi). */
export interface Driver {
  readonly name: 'chromium' | 'firefox';
  /** Opens an extension page, waits for `ready` in it, screenshots it, and returns `read`'s result. */
  open<T>(path: string, opts: { query?: string; shot?: string; ready: () => boolean; read: () => T }): Promise<T>;
  close(): Promise<void>;
}

export async function chromiumDriver(options: Parameters<typeof launchChromium>[0] = {}): Promise<Driver & { chromium: Chromium }> {
  const chromium = await launchChromium(options);
  return {
    name: 'chromium',
    chromium,
    async open(path, { query = '', shot: name, ready, read }) {
      const page = await chromium.openPage(path, query);
      try {
        await page.waitForFunction(ready, undefined, { timeout: 30_000 });
        if (name) await page.screenshot({ path: shot(`chromium-${name}`) });
        return await page.evaluate(read);
      } finally {
        await page.close();
      }
    },
    close: () => chromium.close(),
  };
}

export async function firefoxDriver(options: Parameters<typeof launchFirefox>[0] = {}): Promise<Driver & { firefox: Firefox }> {
  const firefox = await launchFirefox(options);
  return {
    name: 'firefox',
    firefox,
    async open(path, { query = '', shot: name, ready, read }) {
      const page = await firefox.openPage(path, query);
      try {
        await page.waitForFunction(inPage(ready), { timeout: 30_000 });
        if (name) await page.screenshot({ path: shot(`firefox-${name}`) });
        return (await page.evaluate(inPage(read))) as ReturnType<typeof read>;
      } finally {
        await page.close();
      }
    },
    close: () => firefox.close(),
  };
}

export const openPopup = (driver: Driver, name: string, query = ''): Promise<PopupView> =>
  driver.open('src/popup/index.html', { query, shot: name, ready: popupSettled, read: readPopup });
