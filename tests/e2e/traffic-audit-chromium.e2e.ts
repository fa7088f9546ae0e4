// The independent traffic audit: what the network saw (Playwright's request events, which are CDP Network
// on the popup and on the service worker) must equal the self-audit's ledger exactly, every request must be
// to a registry endpoint, and none may carry a cookie, a Referer or an identifier beyond the probe tokens.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildRegistry, matchesUrl } from '../../src/endpoints';
import { type Chromium, launchChromium } from './browsers/chromium';
import { type AuditView, auditPageReady, expectRoguesReported, readAuditPage } from './lib/audit-page';
import { popupSettled } from './lib/popup';
import { LEAKLESS_SERVER } from './world/addresses';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

const registry = buildRegistry(LEAKLESS_SERVER);
let world: World;
let chromium: Chromium;
const seen: Request[] = [];

beforeAll(async () => {
  world = await startWorld(CLEAN);
  chromium = await launchChromium();
  chromium.context.on('request', (r) => {
    if (!r.url().startsWith('chrome-extension://')) seen.push(r);
  });
});
afterAll(async () => {
  await chromium?.close();
  await world?.close();
});

interface LedgerRow {
  url: string;
  method: string;
  endpointId: string;
}

async function readLedger(): Promise<LedgerRow[]> {
  const page = await chromium.openPage('src/audit/index.html');
  const rows = await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, LedgerRow[]>> } } } })
      .chrome;
    return (await api.storage.session.get('audit:ledger'))['audit:ledger'] ?? [];
  });
  await page.close();
  return rows.filter((r) => r.url !== '');
}

async function auditResult(): Promise<AuditView> {
  const page = await chromium.openPage('src/audit/index.html');
  await page.waitForFunction(auditPageReady);
  const view = await page.evaluate(readAuditPage);
  await page.close();
  return view;
}

describe('Chromium: independent traffic audit', () => {
  test('the network saw exactly the ledger: declared endpoints only, no cookies, no referrer', async () => {
    const page = await chromium.openPage('src/popup/index.html');
    await page.waitForFunction(popupSettled, undefined, { timeout: 30_000 });
    await page.close();
    const network = seen.map((r) => `${r.method()} ${r.url()}`).sort();
    expect(network.length).toBeGreaterThan(5);
    // The ledger is written asynchronously; wait until it has caught up with the network.
    let ledger: LedgerRow[] = [];
    for (let i = 0; i < 50 && ledger.filter((r) => r.method === 'GET').length < network.length; i++) ledger = await readLedger();
    const http = ledger.filter((r) => r.method === 'GET');
    expect(http.map((r) => `${r.method} ${r.url}`).sort()).toEqual(network);
    // STUN requests are in the ledger too; the network log here is HTTP only (CDP does not show UDP).
    expect(ledger.filter((r) => r.method === 'STUN').length).toBeGreaterThan(0);
    for (const row of ledger) {
      const endpoint = registry.endpoints.find((e) => e.id === row.endpointId);
      expect(endpoint && matchesUrl(endpoint, row.url), row.url).toBe(true);
    }
    for (const r of seen) {
      const headers = await r.allHeaders();
      // Playwright may list an empty referer; what arrives at the servers is checked below.
      for (const name of ['cookie', 'referer', 'authorization']) expect(headers[name] ?? '', `${name} on ${r.url()}`).toBe('');
      expect(Object.keys(headers).filter((h) => h.startsWith('x-'))).toEqual([]);
    }
    // What the fake providers received agrees: no cookie, no referrer, ever.
    for (const s of world.seen) {
      expect(s.headers.cookie).toBeUndefined();
      expect(s.headers.referer).toBeUndefined();
    }
    const audit = await auditResult();
    expect(audit.findings).toEqual([]);
    expect(audit.text).toMatch(new RegExp(`^Pass\\D+${ledger.length}\\b`));
  });

  test('planted rogue requests (a fetch, an image, a background fetch) are blocked and reported', async () => {
    const before = seen.length;
    const page = await chromium.openPage('src/popup/index.html', '?rogue=1');
    await page.waitForFunction(popupSettled, undefined, { timeout: 30_000 });
    await page.close();
    const rogue = seen.slice(before).filter((r) => r.url().includes('rogue'));
    // A blocked fetch leaves no network event; a blocked image shows as a request that failed with 'csp'.
    for (const r of rogue) expect(`${r.url()} ${r.failure()?.errorText}`).toMatch(/ csp$/);
    expect(world.seen.filter((s) => s.host.includes('rogue'))).toEqual([]);
    expectRoguesReported(await auditResult());
  });
});
