import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { FAKE_STUN_V4, ZONE } from '../world/addresses';
import { chromiumExtensionId, DIST_TEST } from './dists';

const MAPPED: readonly (readonly [string, string])[] = [
  ['ipv4.am.i.mullvad.net', '127.0.0.1'],
  ['ipv6.am.i.mullvad.net', '[::1]'],
  ['*.dnsleak.am.i.mullvad.net', '127.0.0.1'],
  ['api4.ipify.org', '127.0.0.1'],
  ['api6.ipify.org', '[::1]'],
  ['1.0.0.1', '127.0.0.1'],
  ['bash.ws', '127.0.0.1'],
  ['*.bash.ws', '127.0.0.1'],
  ['stun.cloudflare.com', FAKE_STUN_V4],
  ['stun.l.google.com', FAKE_STUN_V4],
];

/**
 * Every fixed provider host goes to the fakes; the check server's zone is left to the sandbox's real
 * resolver path (dnsmasq → check server), so the DNS leak test sees a real resolver; all else fails.
 * WebRTC looks STUN hosts up fully qualified, with a trailing dot, so each rule is given in both forms.
 */
export const HOST_RULES = [
  ...MAPPED.flatMap(([host, to]) => [`MAP ${host} ${to}`, `MAP ${host}. ${to}`]),
  ...[ZONE, `*.${ZONE}`].flatMap((host) => [`EXCLUDE ${host}`, `EXCLUDE ${host}.`]),
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
  /** The profile folder (its Preferences name the installed extension's path). */
  readonly profile: string;
  popupUrl(query?: string): string;
  openPage(path: string, query?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(
  options: {
    dist?: string;
    colorScheme?: 'light' | 'dark';
    locale?: string;
    timezoneId?: string;
    headless?: boolean;
    /** A profile to reuse (a browser restart): kept on close; by default a fresh one, removed on close. */
    profile?: string;
  } = {},
): Promise<Chromium> {
  const dist = options.dist ?? DIST_TEST.chrome;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'leakless-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    args: [...CHROMIUM_FLAGS, `--load-extension=${dist}`, `--disable-extensions-except=${dist}`],
    viewport: { width: 380, height: 600 },
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
  });
  // Test functions transformed by tsx call a `__name` helper (keepNames); give every page a stand-in.
  await context.addInitScript('globalThis.__name ??= (f) => f;');
  // The extension is ready once its service worker runs; pages opened before that are refused.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  // A test build's id is fixed by its manifest key; a release build's comes from its folder's path.
  const extensionId = dist === DIST_TEST.chrome ? chromiumExtensionId() : new URL(worker.url()).host;
  if (new URL(worker.url()).host !== extensionId) throw new Error(`unexpected extension id: ${worker.url()} (expected ${extensionId})`);
  const base = `chrome-extension://${extensionId}`;
  return {
    context,
    extensionId,
    profile,
    popupUrl: (query = '') => `${base}/src/popup/index.html${query}`,
    async openPage(path, query = '') {
      const page = await context.newPage();
      await page.goto(`${base}/${path}${query}`);
      return page;
    },
    async close() {
      await context.close();
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
