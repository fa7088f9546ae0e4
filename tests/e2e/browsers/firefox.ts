import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/manifest/derive';
import { FAKE_HOSTS } from '../world/addresses';
import { DIST_TEST, FIREFOX_UUID } from './dists';

export interface Firefox {
  readonly browser: Browser;
  popupUrl(query?: string): string;
  openPage(path: string, query?: string): Promise<Page>;
  close(): Promise<void>;
}

export const FIREFOX_PREFS: Record<string, unknown> = {
  // A fixed internal UUID, so moz-extension:// URLs are known before install.
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  // Fixed provider hosts go to the fakes; random leak-test names go to the sandbox's resolver (dnsmasq).
  'network.dns.localDomains': FAKE_HOSTS.join(','),
  // No DNS-over-HTTPS: the sandbox's resolver is the only way to resolve names.
  'network.trr.mode': 5,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
};

export async function launchFirefox(
  options: {
    dist?: string | null;
    colorScheme?: 'light' | 'dark';
    timeZone?: string;
    prefs?: Record<string, unknown>;
    /** A profile folder of the test's own; with `dist: null`, Firefox installs what its extensions/ holds. */
    profile?: string;
  } = {},
): Promise<Firefox> {
  const prefs = {
    ...FIREFOX_PREFS,
    ...(options.colorScheme === 'dark' ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
    ...options.prefs,
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true, // tests only: the fakes use a self-signed certificate
    // Lets WebDriver BiDi navigate to moz-extension:// pages.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: prefs,
    ...(options.profile ? { userDataDir: options.profile } : {}),
    defaultViewport: { width: 380, height: 600 },
    // The same zone as the Chromium tests (Playwright's timezoneId), so the scenario's country fits.
    env: { ...process.env, TZ: options.timeZone ?? 'Europe/Berlin' },
  });
  if (options.dist !== null) await browser.installExtension(options.dist ?? DIST_TEST.firefox);
  const base = `moz-extension://${FIREFOX_UUID}`;
  return {
    browser,
    popupUrl: (query = '') => `${base}/src/popup/index.html${query}`,
    async openPage(path, query = '') {
      // Firefox's BiDi sometimes cannot evaluate anything in a freshly opened extension page ("right-hand
      // side of 'in' should be an object, got null", from its own serializer); a new page is the way on.
      for (let attempt = 1; ; attempt++) {
        const page = await browser.newPage();
        // Over BiDi, goto() to an extension page commits at once but never resolves: wait for the page instead.
        page.goto(`${base}/${path}${query}`, { timeout: 0 }).catch(() => undefined);
        try {
          await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState !== 'loading', {
            timeout: 30_000,
          });
          return page;
        } catch (error) {
          await page.close().catch(() => undefined);
          if (attempt >= 3 || !/Waiting failed|right-hand side of 'in'/.test(String(error))) throw error;
        }
      }
    },
    close: () => browser.close(),
  };
}
