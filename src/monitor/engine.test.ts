import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { messagesT } from '../i18n/test-messages';
import type { CheckResults, HistoryEntry, MonitorSettings, MonitorState, MonitorTrigger } from '../model';
import { EMPTY_MONITOR_STATE } from '../model';
import { CLEAN, ip } from '../verdict/fixtures';
import type { CheapResult } from './change';
import { createMonitor, type MonitorDeps } from './engine';
import { DEBOUNCE_MS } from './schedule';
import { monitorVerdict } from './verdict';

const VPN = { country: 'CH', organization: 'M247 Europe SRL', asn: 9009 };
const HOME = { country: 'DE', organization: 'Home ISP', asn: 3320 };
const EXIT4 = '185.65.135.10';
const HOME4 = '84.171.20.99';

/** The world the fake monitor sees: what the providers answer now. */
interface World {
  v4: string | null;
  results: CheckResults;
}

function fakeDeps(world: World, settings: MonitorSettings = { on: true, periodMin: 15 }) {
  let state: MonitorState = EMPTY_MONITOR_STATE;
  let history: HistoryEntry[] = [];
  const calls = { cheap: [] as MonitorTrigger[], full: [] as MonitorTrigger[], retries: [] as number[] };
  const notes: { title: string; message: string }[] = [];
  const badges: string[] = [];
  const deps: MonitorDeps = {
    now: () => Date.now(),
    loadSettings: async () => settings,
    loadState: async () => state,
    saveState: async (s) => {
      state = s;
    },
    loadHistory: async () => history,
    saveHistory: async (list) => {
      history = [...list];
    },
    saveLast: async () => undefined,
    runCheap: async (trigger): Promise<CheapResult> => {
      calls.cheap.push(trigger);
      const ipv4 = world.v4 === null ? null : { ip: world.v4, ...(world.v4 === EXIT4 ? VPN : HOME) };
      return { v4: ipv4, v6: 'absent', leaks: [] };
    },
    runFull: async (trigger) => {
      calls.full.push(trigger);
      return world.results;
    },
    verdict: (results) => monitorVerdict(results, true),
    reasonText: (reason) => reason.code,
    text: { t: messagesT('en'), countryName: (c) => c, time: () => '10:00' },
    setBadge: async (look) => {
      badges.push(look.text);
    },
    notify: async (title, message) => {
      notes.push({ title, message });
    },
    scheduleRetry: async (at) => {
      calls.retries.push(at);
    },
  };
  return { deps, calls, notes, badges, history: () => history, state: () => state, settings };
}

const home: CheckResults = {
  ...CLEAN,
  ipv4: ip(4, HOME4, HOME),
  // The VPN's resolver, outside the network the web now sees: a DNS leak.
};

describe('monitor engine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('off: no check, no request, no badge', async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN }, { on: false, periodMin: 15 });
    const monitor = createMonitor(f.deps);
    for (const trigger of ['startup', 'idle', 'network', 'alarm', 'user'] as const) await monitor.trigger(trigger);
    expect(f.calls).toEqual({ cheap: [], full: [], retries: [] });
    expect(f.badges).toEqual([]);
  });

  it('first check: cheap, then full; the badge goes checking → no leak; no notification', async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN });
    await createMonitor(f.deps).trigger('user');
    expect(f.calls.cheap).toEqual(['user']);
    expect(f.calls.full).toEqual(['user']);
    expect(f.badges).toEqual(['…', '✓']);
    expect(f.notes).toEqual([]);
  });

  it('nothing changed: the cheap check only', async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN });
    const monitor = createMonitor(f.deps);
    await monitor.trigger('user');
    vi.advanceTimersByTime(DEBOUNCE_MS);
    await monitor.trigger('alarm');
    expect(f.calls.cheap).toEqual(['user', 'alarm']);
    expect(f.calls.full).toEqual(['user']);
  });

  it('the VPN drops and comes back: two full checks, two notifications, badge ! then ✓', async () => {
    const world: World = { v4: EXIT4, results: CLEAN };
    const f = fakeDeps(world);
    const monitor = createMonitor(f.deps);
    await monitor.trigger('user');
    world.v4 = HOME4;
    world.results = home;
    vi.advanceTimersByTime(DEBOUNCE_MS);
    await monitor.trigger('network');
    expect(f.badges.at(-1)).toBe('!');
    expect(f.notes).toHaveLength(1);
    expect(f.notes[0]?.message).toContain(`Your IP address changed: ${EXIT4} (CH · M247 Europe SRL) → ${HOME4} (DE · Home ISP)`);
    // Again the same: nothing new.
    vi.advanceTimersByTime(DEBOUNCE_MS);
    await monitor.trigger('alarm');
    expect(f.notes).toHaveLength(1);
    world.v4 = EXIT4;
    world.results = CLEAN;
    vi.advanceTimersByTime(DEBOUNCE_MS);
    await monitor.trigger('idle');
    expect(f.badges.at(-1)).toBe('✓');
    expect(f.notes).toHaveLength(2);
    expect(f.notes[1]?.title).toBe('Leakless: no leak found');
    expect(f.history().map((h) => [h.trigger, h.level])).toEqual([
      ['network', 'leak'],
      ['idle', 'clean'],
    ]);
  });

  it('a provider failing in a cheap check: "can\'t tell", no full check, no notification', async () => {
    const world: World = { v4: EXIT4, results: CLEAN };
    const f = fakeDeps(world);
    const monitor = createMonitor(f.deps);
    await monitor.trigger('user');
    world.v4 = null;
    await monitor.trigger('test');
    expect(f.badges.at(-1)).toBe('?');
    expect(f.calls.full).toEqual(['user']);
    expect(f.notes).toEqual([]);
    // It answers again, the same: back to the last verdict without a full check.
    world.v4 = EXIT4;
    await monitor.trigger('test');
    expect(f.badges.at(-1)).toBe('✓');
    expect(f.calls.full).toEqual(['user']);
  });

  it('debounced: a network change soon after a check is retried once the minute is over; an alarm is dropped', async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN });
    const monitor = createMonitor(f.deps);
    await monitor.trigger('user');
    vi.advanceTimersByTime(5000);
    await monitor.trigger('network');
    await monitor.trigger('alarm');
    expect(f.calls.cheap).toEqual(['user']);
    expect(f.calls.retries).toEqual([1_000_000 + DEBOUNCE_MS]);
  });

  it('one check at a time: a trigger during a check is answered by it', async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN });
    const monitor = createMonitor(f.deps);
    await Promise.all([monitor.trigger('user'), monitor.trigger('network'), monitor.trigger('test')]);
    expect(f.calls.cheap).toEqual(['user']);
  });

  it('stale: older than two periods shows as stale until the next check', async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN }, { on: true, periodMin: 5 });
    const monitor = createMonitor(f.deps);
    await monitor.trigger('user');
    vi.advanceTimersByTime(11 * 60_000);
    await monitor.refreshBadge();
    expect(f.badges.at(-1)).toBe('–');
  });

  it("the popup's result is taken as the latest, judged by the monitor's own verdict", async () => {
    const f = fakeDeps({ v4: EXIT4, results: CLEAN });
    const monitor = createMonitor(f.deps);
    await monitor.trigger('user');
    await monitor.observeFull(home);
    expect(f.badges.at(-1)).toBe('!');
    expect(f.history().map((h) => h.trigger)).toEqual(['popup']);
  });
});
