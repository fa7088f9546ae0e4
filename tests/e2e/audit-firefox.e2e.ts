// The traffic audit in Firefox, as far as its tooling allows. WebDriver BiDi reports network events only for
// browsing contexts (tabs), not for the extension's background page where the checks run, so here the
// network's view is the servers' own: every HTTPS request the fakes and the check server's front received
// must be in the self-audit's ledger and the other way round. Rogue requests: blocked by the CSP and reported.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildRegistry, matchesUrl } from '../../src/endpoints';
import { auditPageReady, expectRoguesReported, readAuditPage } from './lib/audit-page';
import { firefoxDriver } from './lib/driver';
import { popupSettled } from './lib/popup';
import { LEAKLESS_SERVER } from './world/addresses';
import { CLEAN } from './world/scenario';
import { startWorld, type World } from './world/world';

type Driver = Awaited<ReturnType<typeof firefoxDriver>>;
const registry = buildRegistry(LEAKLESS_SERVER);
let world: World;
let driver: Driver;

beforeAll(async () => {
  world = await startWorld(CLEAN);
  driver = await firefoxDriver();
});
afterAll(async () => {
  await driver?.close();
  await world?.close();
});

interface LedgerRow {
  url: string;
  method: string;
  endpointId: string;
}

const readLedger = () =>
  driver.open('src/audit/index.html', {
    ready: () => true,
    read: () => {
      const api = (globalThis as unknown as { browser: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } })
        .browser;
      return api.storage.session.get('audit:ledger').then((r) => (r['audit:ledger'] ?? []) as LedgerRow[]);
    },
  }) as unknown as Promise<LedgerRow[]>;

const auditFindings = () => driver.open('src/audit/index.html', { ready: auditPageReady, read: readAuditPage });

describe('Firefox: traffic audit and rogue requests', () => {
  test('what the servers received equals the ledger; no cookie, no referrer', async () => {
    const before = world.seen.length;
    await driver.open('src/popup/index.html', { ready: popupSettled, read: () => null });
    const received = world.seen
      .slice(before)
      .map((s) => `${s.host}${s.path}`)
      .sort();
    let ledger: LedgerRow[] = [];
    for (let i = 0; i < 50 && ledger.filter((r) => r.method === 'GET' && r.url !== '').length < received.length; i++)
      ledger = await readLedger();
    const http = ledger.filter((r) => r.method === 'GET' && r.url !== '');
    expect(http.map((r) => r.url.replace(/^https:\/\//, '')).sort()).toEqual(received);
    for (const row of ledger) {
      const endpoint = registry.endpoints.find((e) => e.id === row.endpointId);
      expect(endpoint && matchesUrl(endpoint, row.url), row.url).toBeTruthy();
    }
    for (const s of world.seen.slice(before)) {
      expect(s.headers.cookie, s.host).toBeUndefined();
      expect(s.headers.referer, s.host).toBeUndefined();
    }
    const audit = await auditFindings();
    expect(audit.findings).toEqual([]);
    expect(audit.text).toMatch(/^Pass/);
  });

  test('planted rogue requests (a fetch, an image, a background fetch) are blocked and reported', async () => {
    await driver.open('src/popup/index.html', { query: '?rogue=1', ready: popupSettled, read: () => null });
    expect(world.seen.filter((s) => s.host.includes('rogue'))).toEqual([]);
    expectRoguesReported(await auditFindings());
  });
});
