import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { FAKE_STUN_V4, ZONE } from '../world/addresses';
import { chromiumExtensionId, DIST_TEST } from './dists';

/**
 * Every fixed provider host goes to the fakes; the check server's zone is left to the sandbox's real
 * resolver path (dnsmasq → check server), so the DNS leak test sees a real resolver; all else fails.
 */
export const HOST_RULES = [
  'MAP ipv4.am.i.mullvad.net 127.0.0.1',
  'MAP ipv6.am.i.mullvad.net [::1]',
  'MAP *.dnsleak.am.i.mullvad.net 127.0.0.1',
  'MAP api4.ipify.org 127.0.0.1',
  'MAP api6.ipify.org [::1]',
  'MAP 1.0.0.1 127.0.0.1',
  'MAP bash.ws 127.0.0.1',
  'MAP *.bash.ws 127.0.0.1',
  `MAP stun.cloudflare.com ${FAKE_STUN_V4}`,
  `MAP stun.l.google.com ${FAKE_STUN_V4}`,
  `EXCLUDE ${ZONE}`,
  `EXCLUDE *.${ZONE}`,
  'MAP * ~NOTFOUND',
].join(', ');

export const CHROMIUM_FLAGS = [
  '--no-sandbox', // root in a container
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors', // tests only: the fakes use a self-signed certificate
  `--host-resolver-rules=${HOST_RULES}`,
];

export interface Chromium {
  readonly context: BrowserContext;
  readonly extensionId: string;
  popupUrl(query?: string): string;
  openPage(path: string, query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(options: { dist?: string; colorScheme?: 'light' | 'dark'; locale?: string } = {}): Promise<Chromium> {
  const dist = options.dist ?? DIST_TEST.chrome;
  const profile = mkdtempSync(join(tmpdir(), 'leakless-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_FLAGS, `--load-extension=${dist}`, `--disable-extensions-except=${dist}`],
    viewport: { width: 380, height: 560 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  const extensionId = chromiumExtensionId();
  // The extension is ready once its service worker runs; pages opened before that are refused.
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId)) ?? (await context.waitForEvent('serviceworker'));
  if (!worker.url().includes(extensionId)) throw new Error(`unexpected extension id: ${worker.url()} (expected ${extensionId})`);
  const base = `chrome-extension://${extensionId}`;
  return {
    context,
    extensionId,
    popupUrl: (query = '') => `${base}/src/popup/index.html${query}`,
    async openPage(path, query = '') {
      const page = await context.newPage();
      await page.goto(`${base}/${path}${query}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
