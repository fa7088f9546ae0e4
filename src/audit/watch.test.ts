import { describe, expect, it, vi } from 'vitest';
import { fakeWatchEnv } from './fakes';
import type { Observation } from './types';
import { isForeign, watchContext } from './watch';

function setup(origin?: string) {
  const fake = fakeWatchEnv(origin);
  const recorded: Observation[] = [];
  const watcher = watchContext('popup', { record: (o) => recorded.push(o) }, fake.env);
  return { ...fake, recorded, watcher };
}

describe('watchContext', () => {
  it('records a CSP violation as a finding-to-be, with the directive and source', () => {
    const { dispatch, recorded } = setup();
    dispatch('securitypolicyviolation', {
      blockedURI: 'https://fetch.example/x',
      violatedDirective: 'connect-src',
      sourceFile: 'chrome-extension://abc/a.js',
    });
    expect(recorded).toEqual([
      {
        kind: 'violation',
        time: 2_000_000,
        context: 'popup',
        blockedURI: 'https://fetch.example/x',
        violatedDirective: 'connect-src',
        sourceFile: 'chrome-extension://abc/a.js',
      },
    ]);
  });

  it('prefers the effective directive (Firefox reports the fallback in violatedDirective)', () => {
    const { dispatch, recorded } = setup();
    dispatch('securitypolicyviolation', {
      blockedURI: 'https://i.example/',
      violatedDirective: 'default-src',
      effectiveDirective: 'img-src',
    });
    expect(recorded[0]).toMatchObject({ violatedDirective: 'img-src' });
    expect(recorded[0]).not.toHaveProperty('sourceFile');
  });

  it('observes resources with buffered entries, and reports only those from outside the extension', () => {
    const { observers, recorded } = setup();
    expect(observers[0]?.options).toEqual({ type: 'resource', buffered: true });
    observers[0]?.emit([
      { name: 'chrome-extension://abc/assets/popup.js', startTime: 1, initiatorType: 'script' },
      { name: 'blob:chrome-extension://abc/1234', startTime: 2, initiatorType: 'other' },
      { name: 'data:image/png;base64,AAAA', startTime: 3, initiatorType: 'img' },
      { name: 'https://api4.ipify.org/?format=json', startTime: 4.4, initiatorType: 'fetch' },
      { name: 'chrome-extension://abcdef/x.js', startTime: 5 },
    ]);
    expect(recorded).toEqual([
      { kind: 'resource', time: 1_000_004, context: 'popup', url: 'https://api4.ipify.org/?format=json', initiatorType: 'fetch' },
      { kind: 'resource', time: 1_000_005, context: 'popup', url: 'chrome-extension://abcdef/x.js', initiatorType: 'other' },
    ]);
  });

  it('keeps its own bounded buffer for the background to answer from', () => {
    const { dispatch, watcher } = setup();
    for (let i = 0; i < 510; i++)
      dispatch('securitypolicyviolation', { blockedURI: `https://x.example/${i}`, violatedDirective: 'connect-src' });
    const seen = watcher.observed();
    expect(seen).toHaveLength(500);
    expect(seen[0]).toMatchObject({ blockedURI: 'https://x.example/10' });
  });

  it('keeps watching when the sink throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const fake = fakeWatchEnv();
    const watcher = watchContext(
      'background',
      {
        record: () => {
          throw new Error('quota');
        },
      },
      fake.env,
    );
    fake.dispatch('securitypolicyviolation', { blockedURI: 'https://a.example/', violatedDirective: 'connect-src' });
    expect(watcher.observed()).toHaveLength(1);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('stops listening and disconnects the observer', () => {
    const { dispatch, recorded, watcher, observers } = setup();
    watcher.stop();
    dispatch('securitypolicyviolation', { blockedURI: 'https://a.example/', violatedDirective: 'connect-src' });
    expect(recorded).toEqual([]);
    expect(observers[0]?.disconnected).toBe(true);
  });

  it('still catches violations where there is no PerformanceObserver', () => {
    const fake = fakeWatchEnv();
    const recorded: Observation[] = [];
    watchContext('options', { record: (o) => recorded.push(o) }, { ...fake.env, PerformanceObserver: null });
    fake.dispatch('securitypolicyviolation', { blockedURI: 'https://a.example/', violatedDirective: 'img-src' });
    expect(recorded).toHaveLength(1);
  });
});

describe('isForeign', () => {
  it.each([
    ['moz-extension://u-u-i-d/a.js', false],
    ['moz-extension://u-u-i-d', false],
    ['moz-extension://u-u-i-d.evil.example/a.js', true],
    ['https://u-u-i-d/a.js', true],
    ['about:blank', false],
  ])('%s → %s', (url, foreign) => {
    expect(isForeign(url, 'moz-extension://u-u-i-d')).toBe(foreign);
  });
});
