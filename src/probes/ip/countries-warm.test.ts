// The name table is built in the task after a check starts, once, and not again on the first lookup.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('warmCountryNames', () => {
  it('builds the table 25 ms after the check starts, not before, then lookups reuse it', async () => {
    vi.useFakeTimers();
    // Each of the 676 two-letter codes is checked once when the table is built.
    const built = vi.spyOn(Intl, 'getCanonicalLocales');
    const { countryCode, warmCountryNames } = await import('./countries');
    warmCountryNames();
    warmCountryNames();
    expect(built).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(24);
    expect(built).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    const calls = built.mock.calls.length;
    expect(calls).toBeGreaterThan(600);
    expect(countryCode('Sweden')).toBe('SE');
    warmCountryNames();
    expect(vi.getTimerCount()).toBe(0);
    expect(built).toHaveBeenCalledTimes(calls);
  });

  it('schedules nothing once a lookup has built the table', async () => {
    vi.useFakeTimers();
    const { countryCode, warmCountryNames } = await import('./countries');
    expect(countryCode('Germany')).toBe('DE');
    warmCountryNames();
    expect(vi.getTimerCount()).toBe(0);
  });
});
