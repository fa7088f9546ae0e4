// Opt-in monitoring in Chromium (issue 11), in the sealed network: the VPN's IPv4 drops and comes back, the
// badge and one notification per change follow; a failing provider gives "can't tell"; a browser restart
// runs a check at start-up; with monitoring off, nothing reaches any server and no alarm exists.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Chromium, launchChromium } from './browsers/chromium';
import { auditPageReady, readAuditPage } from './lib/audit-page';
import {
  HOME_V4,
  history,
  MONITOR_SETTINGS,
  type MonitorPage,
  type PageFn,
  pageFns,
  until,
  VPN_DROPPED,
  VPN_ON,
  VPN_V4,
} from './lib/monitor';
import { startWorld, type World } from './world/world';

let world: World;
beforeAll(async () => {
  world = await startWorld(VPN_ON);
});
afterAll(async () => {
  await world?.close();
});

/** The options page, kept open to run page functions in; the monitor switch is on it too. */
async function optionsPage(chromium: Chromium): Promise<{ page: Page; ext: MonitorPage }> {
  const page = await chromium.openPage('src/options/index.html');
  const ext: MonitorPage = { run: (fn: PageFn, arg: unknown) => page.evaluate(pageFns[fn] as (a: unknown) => unknown, arg) };
  return { page, ext };
}

const badgeIs = (ext: MonitorPage, text: string) =>
  until(
    () => ext.run('badge', null) as Promise<[string, string]>,
    ([badge]) => badge === text,
    `badge ${text}`,
  );

/** Turns monitoring on the way a user does: the switch on the options page. */
async function turnOn(page: Page, ext: MonitorPage): Promise<void> {
  await ext.run('setLocal', { settings: MONITOR_SETTINGS });
  await page.reload();
  await page.getByRole('switch', { name: 'Watch my connection' }).check();
  await until(
    () => ext.run('getLocal', ['monitor']),
    (v) => v.monitor?.on === true,
    'monitor on',
  );
}

describe('Chromium: monitoring', () => {
  test('VPN drops and comes back: badge and one notification per change; a failing provider is "can\'t tell"', async () => {
    world.scenario = VPN_ON;
    const chromium = await launchChromium();
    try {
      const { page, ext } = await optionsPage(chromium);
      await turnOn(page, ext);
      // Turning on runs a first check: no change yet, so no notification.
      const [, title] = await badgeIs(ext, '✓');
      expect(title).toMatch(/^Leakless: /);
      const alarms = (await ext.run('alarms', null)) as { name: string; periodInMinutes?: number }[];
      expect(alarms.map((a) => [a.name, a.periodInMinutes])).toEqual([['leakless-monitor', 15]]);
      expect(await history(ext)).toEqual([]);

      // Nothing changed: a cheap check only, two requests (one IPv4, one IPv6).
      const before = world.traffic().requests;
      await ext.run('fire', 'test');
      expect(world.traffic().requests - before).toBe(2);
      expect((await ext.run('badge', null))[0]).toBe('✓');

      // The VPN's IPv4 drops.
      world.scenario = VPN_DROPPED;
      await ext.run('fire', 'test');
      await badgeIs(ext, '!');
      let rows = await history(ext);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.notification?.message).toContain(`${VPN_V4} (Sweden · Tunnel VPN AB) → ${HOME_V4} (Germany · Example Telecom)`);
      expect(rows[0]?.notification?.title).toBe('Leakless: leak');

      // The same state again: no second notification.
      await ext.run('fire', 'test');
      expect(await history(ext)).toHaveLength(1);

      // A provider failing during a cheap check: "can't tell", no alarm, no all-clear, no history entry.
      world.scenario = { ...VPN_DROPPED, faults: { 'mullvad-ipv4': 'refuse' } };
      await ext.run('fire', 'test');
      await badgeIs(ext, '?');
      expect(await history(ext)).toHaveLength(1);

      // The VPN is back.
      world.scenario = VPN_ON;
      await ext.run('fire', 'test');
      await badgeIs(ext, '✓');
      rows = await history(ext);
      expect(rows).toHaveLength(2);
      expect(rows[1]?.notification?.message).toContain(`${HOME_V4} (Germany · Example Telecom) → ${VPN_V4} (Sweden · Tunnel VPN AB)`);
      expect(rows[1]?.notification?.title).toBe('Leakless: no leak found');

      // Every monitoring request is in the ledger with its trigger, and the self-audit passes.
      const ledger = (await ext.run('ledger', null)) as { cause?: string }[];
      const causes = new Set(ledger.map((e) => e.cause));
      expect(causes).toEqual(new Set(['monitor:user', 'monitor:test']));
      const audit = await chromium.openPage('src/audit/index.html');
      await audit.waitForFunction(auditPageReady);
      const view = await audit.evaluate(readAuditPage);
      expect(view.findings).toEqual([]);
      expect(view.text).toMatch(/^Pass/);
      expect(await audit.locator('table').textContent()).toContain('monitor:test');
    } finally {
      await chromium.close();
    }
  });

  test('monitoring on: a browser restart runs a check at start-up', async () => {
    world.scenario = VPN_ON;
    const profile = mkdtempSync(join(tmpdir(), 'leakless-monitor-restart-'));
    try {
      const first = await launchChromium({ profile });
      try {
        const { page, ext } = await optionsPage(first);
        await turnOn(page, ext);
        await badgeIs(ext, '✓');
      } finally {
        await first.close();
      }
      const before = world.traffic().requests;
      const second = await launchChromium({ profile });
      try {
        const { ext } = await optionsPage(second);
        expect((await ext.run('getLocal', ['monitor'])).monitor).toEqual({ on: true, periodMin: 15 });
        const ledger = await until(
          () => ext.run('ledger', null) as Promise<{ cause?: string }[]>,
          (l) => l.some((e) => e.cause === 'monitor:startup'),
          'a start-up check in the ledger',
        );
        expect(ledger.filter((e) => e.cause === 'monitor:startup').length).toBeGreaterThanOrEqual(2);
        expect(world.traffic().requests).toBeGreaterThan(before);
        await badgeIs(ext, '✓');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('monitoring off: across install, triggers and a restart, no request reaches any server and no alarm exists', async () => {
    world.scenario = VPN_ON;
    const profile = mkdtempSync(join(tmpdir(), 'leakless-monitor-off-'));
    const start = world.traffic();
    try {
      for (const round of [1, 2]) {
        const chromium = await launchChromium({ profile });
        try {
          const { ext } = await optionsPage(chromium);
          // Every trigger the monitor has, fired while it is off; each answer comes back once it is handled.
          for (const trigger of ['startup', 'idle', 'network', 'alarm', 'retry']) await ext.run('fire', trigger);
          // A bounded watch of the servers' own counters: nothing arrives.
          await until(
            async () => world.traffic(),
            (t) => t.requests !== start.requests || t.dnsQueries !== start.dnsQueries,
            'no request',
            20,
          ).then(
            (t) => expect.fail(`round ${round}: ${t.requests - start.requests} requests reached the servers`),
            () => undefined,
          );
          expect(await ext.run('alarms', null)).toEqual([]);
          expect((await ext.run('badge', null))[0]).toBe('');
          expect(await ext.run('ledger', null)).toEqual([]);
        } finally {
          await chromium.close();
        }
      }
      expect(world.traffic().requests).toBe(start.requests);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
