import { describe, expect, it } from 'vitest';
import { EMPTY_MONITOR_STATE, type MonitorTrigger } from '../model';
import { snap, VPN4, VPN6 } from './fixtures';
import { badgeState, DEBOUNCE_MS, isStale, planCheck, requestsPerDay, sanitizeMonitorSettings } from './schedule';

describe('planCheck: no two checks within 60 s unless asked', () => {
  const t0 = 1_000_000;
  it.each<[string, number, number, MonitorTrigger, ReturnType<typeof planCheck>]>([
    ['first check ever', 0, t0, 'alarm', { run: true }],
    ['a minute later', t0, t0 + DEBOUNCE_MS, 'network', { run: true }],
    ['a network change soon after: retried when the wait is over', t0, t0 + 5000, 'network', { run: false, retryAt: t0 + DEBOUNCE_MS }],
    ['back from idle soon after: retried', t0, t0 + 5000, 'idle', { run: false, retryAt: t0 + DEBOUNCE_MS }],
    ['an alarm soon after: dropped', t0, t0 + 5000, 'alarm', { run: false, retryAt: null }],
    ['the user asks', t0, t0 + 1, 'user', { run: true }],
    ['a browser start', t0, t0 + 1, 'startup', { run: true }],
    ['a clock that went backwards', t0, t0 - 10, 'alarm', { run: true }],
  ])('%s', (_, last, now, trigger, expected) => {
    expect(planCheck(last, now, trigger)).toEqual(expected);
  });
});

describe('badgeState', () => {
  const on = { on: true, periodMin: 15 };
  const state = { ...EMPTY_MONITOR_STATE, snapshot: snap(VPN4, VPN6, 'clean', { time: 0 }) };
  it.each([
    ['off', { on: false, periodMin: 15 }, state, 0, false, 'off'],
    ['checking', on, state, 0, true, 'checking'],
    ['nothing known yet', on, EMPTY_MONITOR_STATE, 0, false, 'unknown'],
    ['the last check failed', on, { ...state, lastFailed: true }, 0, false, 'unknown'],
    ['fresh', on, state, 29 * 60_000, false, 'clean'],
    ['older than two periods', on, state, 31 * 60_000, false, 'stale'],
    ['a leak', on, { ...state, snapshot: snap(VPN4, VPN6, 'leak', { time: 0 }) }, 0, false, 'leak'],
  ] as const)('%s', (_, settings, s, now, checking, expected) => {
    expect(badgeState(settings, s, now, checking)).toBe(expected);
  });

  it('stale at twice the period', () => {
    expect(isStale(0, 2 * 5 * 60_000, 5)).toBe(false);
    expect(isStale(0, 2 * 5 * 60_000 + 1, 5)).toBe(true);
  });
});

describe('monitor settings and cost', () => {
  it.each([
    [undefined, { on: false, periodMin: 15 }],
    [
      { on: true, periodMin: 5 },
      { on: true, periodMin: 5 },
    ],
    [
      { on: 'yes', periodMin: 7 },
      { on: false, periodMin: 15 },
    ],
    [
      { on: true, periodMin: 60 },
      { on: true, periodMin: 60 },
    ],
  ])('%j → %j', (raw, expected) => {
    expect(sanitizeMonitorSettings(raw)).toEqual(expected);
  });

  it.each([
    [5, 576],
    [15, 192],
    [30, 96],
    [60, 48],
  ])('backstop every %i min: %i requests a day at 2 per cheap check', (period, expected) => {
    expect(requestsPerDay(period, 2)).toBe(expected);
  });
});
