// Chromium for the fault suite and the bench: the popup is opened, watched by its own clock, and every extension
// context's console is listened to. Unlike the popup suite's launcher, the fake providers' random leak-test
// names (Mullvad's and bash.ws's) go through real DNS — the sandbox's resolver and the DNS shim — so they can
// be made NXDOMAIN, delayed, or lost with the network; fixed provider hosts stay mapped by host-resolver-rules.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS, HOST_RULES } from '../browsers/chromium';
import { chromiumExtensionId, DIST_TEST } from '../browsers/dists';
import { awaitSettled, installRecorder, type PopupTimes, pageCall } from './page-clock';
import { type PopupView, readPopup } from './popup';

const THROUGH_DNS = ['*.dnsleak.am.i.mullvad.net', '*.bash.ws'];
const RULES = [HOST_RULES, ...THROUGH_DNS.flatMap((host) => [`EXCLUDE ${host}`, `EXCLUDE ${host}.`])].join(', ');
const FLAGS = [...CHROMIUM_FLAGS.filter((f) => !f.startsWith('--host-resolver-rules=')), `--host-resolver-rules=${RULES}`];

export interface PopupRun {
  readonly view: PopupView;
  /** Each section's visible text, by section name. */
  readonly texts: Record<string, string>;
  readonly times: PopupTimes;
}

/** What the fault suite and the bench need of a browser; Firefox has its own (probe-firefox.ts). */
export interface ProbeBrowser {
  readonly name: 'chromium' | 'firefox';
  /** The extension contexts whose errors this browser lets the test see. */
  readonly observed: readonly string[];
  setStorage(items: Record<string, unknown>): Promise<void>;
  readStorage(): Promise<Record<string, unknown>>;
  /** Opens the popup, waits until it settles (or `timeoutMs` passes: then it throws), reads it, closes it. */
  openPopup(timeoutMs: number): Promise<PopupRun>;
  /** The bench's floor: opens the empty test page that sends the background one message; ms from page open to its arrival. */
  openFloor(): Promise<number>;
  /** Errors from our code seen in any observed context since the last call. */
  takeErrors(): Promise<string[]>;
  close(): Promise<void>;
}

/** Section texts, read in the page. */
export function readSectionTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of document.querySelectorAll<HTMLElement>('[data-testid^="section-"]')) {
    // biome-ignore lint/performance/useDomNodeTextContent: what a person sees, line breaks included
    out[(s.getAttribute('data-testid') ?? '').slice('section-'.length)] = s.innerText;
  }
  return out;
}

/** Network errors the browser itself logs for failed requests: not from our code. */
export const isBrowserNetworkNoise = (text: string) => /^Failed to load resource|net::ERR_|^WebSocket connection/.test(text);

/** Runs in the service worker: remembers uncaught errors and unhandled rejections for the test to collect. */
function watchWorker(): void {
  const g = globalThis as unknown as { __faultErrors?: string[] };
  if (g.__faultErrors) return;
  const errors: string[] = [];
  g.__faultErrors = errors;
  globalThis.addEventListener('error', (e) => void errors.push(`uncaught: ${(e as ErrorEvent).message}`));
  globalThis.addEventListener(
    'unhandledrejection',
    (e) => void errors.push(`unhandled rejection: ${String((e as PromiseRejectionEvent).reason)}`),
  );
}

/** Runs in an extension context: its storage.local (chrome.* in Chromium, browser.* in Firefox). */
export function storageArea(): { get(k: null): Promise<Record<string, unknown>>; set(i: Record<string, unknown>): Promise<void> } {
  const g = globalThis as unknown as { browser?: { storage: { local: unknown } }; chrome?: { storage: { local: unknown } } };
  return (g.browser ?? g.chrome)?.storage.local as ReturnType<typeof storageArea>;
}

/** Runs in the floor page: ms from its navigation to the background's receipt of its one message. */
export function awaitFloor(): Promise<number> {
  const g = globalThis as unknown as { __floor?: { arrived: number; timeOrigin: number } };
  return new Promise((resolve) => {
    const poll = () => (g.__floor ? resolve(g.__floor.arrived - g.__floor.timeOrigin) : setTimeout(poll, 5));
    poll();
  });
}

function takeWorkerErrors(): string[] {
  const g = globalThis as unknown as { __faultErrors?: string[] };
  return g.__faultErrors?.splice(0) ?? [];
}

export async function launchProbeChromium(
  options: { headless?: boolean; extraArgs?: readonly string[] } = {},
): Promise<ProbeBrowser & { context: BrowserContext }> {
  const dist = DIST_TEST.chrome;
  const profile = mkdtempSync(join(tmpdir(), 'leakless-probe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    args: [...FLAGS, ...(options.extraArgs ?? []), `--load-extension=${dist}`, `--disable-extensions-except=${dist}`],
    viewport: { width: 380, height: 600 },
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  });
  const id = chromiumExtensionId();
  const base = `chrome-extension://${id}`;
  const errors: string[] = [];
  const fromUs = (url: string) => url.startsWith(base);
  context.on('console', (msg) => {
    if (msg.type() !== 'error' || isBrowserNetworkNoise(msg.text())) return;
    const url = msg.location().url;
    if (fromUs(url) || url === '') errors.push(`console (${url || 'worker'}): ${msg.text()}`);
  });
  context.on('weberror', (e) => errors.push(`page error: ${e.error().message}`));
  let worker: Worker | null = null;
  const serviceWorker = async (): Promise<Worker> => {
    const live = context.serviceWorkers().find((w) => w.url().startsWith(base));
    if (live && live === worker) return live;
    // Chrome may stop an idle worker and start a new one: watch each one the test meets.
    worker = live ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(base) }));
    await worker.evaluate(pageCall(watchWorker));
    return worker;
  };
  await serviceWorker();
  await context.addInitScript(pageCall(installRecorder));

  return {
    name: 'chromium',
    context,
    observed: ['popup (console, uncaught errors, unhandled rejections)', 'service worker (console, uncaught errors, unhandled rejections)'],
    async setStorage(items) {
      await (await serviceWorker()).evaluate(`${pageCall(storageArea)}.set(${JSON.stringify(items)})`);
    },
    async readStorage() {
      return (await (await serviceWorker()).evaluate(`${pageCall(storageArea)}.get(null)`)) as Record<string, unknown>;
    },
    async openPopup(timeoutMs) {
      const page = await context.newPage();
      try {
        await page.goto(`${base}/src/popup/index.html`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`popup did not settle within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
          const times = (await Promise.race([page.evaluate(pageCall(awaitSettled)), timeout])) as PopupTimes;
          const view = (await page.evaluate(pageCall(readPopup))) as PopupView;
          const texts = (await page.evaluate(pageCall(readSectionTexts))) as Record<string, string>;
          errors.push(...times.errors.map((e) => `popup ${e}`));
          return { view, texts, times };
        } finally {
          clearTimeout(timer);
        }
      } finally {
        await page.close();
      }
    },
    async openFloor() {
      const page = await context.newPage();
      try {
        await page.goto(`${base}/src/test-support/floor.html`);
        return (await page.evaluate(pageCall(awaitFloor))) as number;
      } finally {
        await page.close();
      }
    },
    async takeErrors() {
      const fromWorker = (await (await serviceWorker()).evaluate(pageCall(takeWorkerErrors))) as string[];
      return [...errors.splice(0), ...fromWorker.map((e) => `service worker ${e}`)];
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
