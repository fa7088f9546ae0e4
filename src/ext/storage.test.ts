import { describe, expect, it, vi } from 'vitest';
import type { Settings } from '../model';
import { CLEAN } from '../popup/fixtures';
import { createStore, isCheckResults, type StorageArea } from './storage';

const DEFAULTS: Settings = { ipv4: ['a'], ipv6: [], dns: [], webrtc: [], securedns: [], headers: [], dnsNames: 6, deadlineMs: 5000 };

function memoryArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const area: StorageArea = {
    get: vi.fn(async (keys: string | string[]) =>
      Object.fromEntries([keys].flat().flatMap((k) => (data.has(k) ? [[k, data.get(k)]] : []))),
    ),
    set: vi.fn(async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const k of [keys].flat()) data.delete(k);
    }),
  };
  return { area, data };
}

// Stands in for sanitizeSettings: anything but an object with dnsNames 36 becomes the defaults.
const sanitize = vi.fn((raw: unknown): Settings => {
  const dnsNames = (raw as { dnsNames?: unknown } | undefined)?.dnsNames;
  return { ...DEFAULTS, dnsNames: dnsNames === 36 ? 36 : 6 };
});

describe('settings', () => {
  it('reads "settings" through the sanitizer', async () => {
    const { area } = memoryArea({ settings: { dnsNames: 36, junk: true } });
    expect(await createStore(area, sanitize).loadSettings()).toEqual({ ...DEFAULTS, dnsNames: 36 });
    expect(sanitize).toHaveBeenCalledWith({ dnsNames: 36, junk: true });
  });

  it('falls back to sanitized defaults when storage fails', async () => {
    const { area } = memoryArea();
    area.get = async () => Promise.reject(new Error('broken profile'));
    expect(await createStore(area, sanitize).loadSettings()).toEqual(DEFAULTS);
  });

  it('saves the sanitized settings under "settings" and returns them', async () => {
    const { area, data } = memoryArea();
    const saved = await createStore(area, sanitize).saveSettings({ ...DEFAULTS, dnsNames: 36, ipv4: ['x'] });
    expect(saved).toEqual({ ...DEFAULTS, dnsNames: 36 });
    expect(data.get('settings')).toEqual(saved);
  });
});

describe('remembered result', () => {
  it('is neither stored nor read while remembering is off', async () => {
    const { area, data } = memoryArea({ lastResult: CLEAN });
    const store = createStore(area, sanitize);
    await store.saveLastResult(CLEAN);
    expect(area.set).not.toHaveBeenCalled();
    expect(await store.loadLastResult()).toBeNull();
    expect(data.has('lastResult')).toBe(true);
  });

  it('round-trips when remembering is on', async () => {
    const { area } = memoryArea();
    const store = createStore(area, sanitize);
    await store.saveRemember(true);
    await store.saveLastResult(CLEAN);
    expect(await store.loadLastResult()).toEqual(CLEAN);
  });

  it('drops a corrupt record instead of showing it', async () => {
    const corrupt = { ...CLEAN, dns: { state: 'done', result: { resolvers: 'not a list' } } };
    const { area, data } = memoryArea({ rememberLast: true, lastResult: corrupt });
    expect(await createStore(area, sanitize).loadLastResult()).toBeNull();
    expect(data.has('lastResult')).toBe(false);
  });

  it("drops a WebRTC result that does not say whose view its local addresses are (older versions')", async () => {
    if (CLEAN.webrtc.state !== 'done') throw new Error('fixture');
    const { hostView: _, ...older } = CLEAN.webrtc.result;
    for (const result of [older, { ...older, hostView: 'everyone' }]) {
      const { area } = memoryArea({ rememberLast: true, lastResult: { ...CLEAN, webrtc: { state: 'done', result } } });
      expect(await createStore(area, sanitize).loadLastResult()).toBeNull();
    }
  });

  it('drops a record with a missing probe or a bad state', async () => {
    for (const bad of [{ ...CLEAN, locale: undefined }, { ...CLEAN, ipv4: { state: 'weird' } }, 'text', [CLEAN]]) {
      const { area, data } = memoryArea({ rememberLast: true, lastResult: bad });
      expect(await createStore(area, sanitize).loadLastResult()).toBeNull();
      expect(data.has('lastResult')).toBe(false);
    }
  });

  it('accepts a provisional state with the answers so far and who is still out, and nothing less', () => {
    if (CLEAN.ipv4.state !== 'done') throw new Error('fixture');
    const result = CLEAN.ipv4.result;
    const ok = { state: 'partial', result, answered: 2, waiting: ['cloudflare-ipv4'] };
    expect(isCheckResults({ ...CLEAN, ipv4: ok })).toBe(true);
    for (const bad of [
      { ...ok, waiting: [] },
      { ...ok, waiting: [3] },
      { ...ok, answered: '2' },
      { state: 'partial', answered: 2, waiting: ['cloudflare-ipv4'] },
      { ...ok, result: { ...result, observations: 'none' } },
    ]) {
      expect(isCheckResults({ ...CLEAN, ipv4: bad }), JSON.stringify(bad)).toBe(false);
    }
  });

  it('forgets the remembered result when remembering is turned off', async () => {
    const { area, data } = memoryArea({ rememberLast: true, lastResult: CLEAN });
    await createStore(area, sanitize).saveRemember(false);
    expect(data.get('rememberLast')).toBe(false);
    expect(data.has('lastResult')).toBe(false);
  });
});

it('clearStoredData removes every key Leakless wrote', async () => {
  const { area, data } = memoryArea({ settings: {}, rememberLast: true, lastResult: CLEAN, other: 1 });
  await createStore(area, sanitize).clearStoredData();
  expect([...data.keys()]).toEqual(['other']);
});

describe('remembered results and provider text', () => {
  it('accepts the clean text the probes store, refuses text they would have cleaned', () => {
    const withOrg = (organization: string) => {
      if (CLEAN.ipv4.state !== 'done') throw new Error('fixture');
      const result = { ...CLEAN.ipv4.result, meta: { ...CLEAN.ipv4.result.meta, organization } };
      return { ...CLEAN, ipv4: { state: 'done', result } };
    };
    expect(isCheckResults(withOrg('Example Hosting'))).toBe(true);
    expect(isCheckResults(withOrg('Evil\nNo leak found'))).toBe(false);
    expect(isCheckResults(withOrg('Bad \u202e1.2.3.4'))).toBe(false);
  });

  it('keeps echoed proxy headers whose shown name is plain text', () => {
    const withHeader = (name: string) => ({
      ...CLEAN,
      headers: { state: 'done', result: { observations: [], headers: [{ name, value: 'v'.repeat(256), ips: ['84.171.20.7'] }] } },
    });
    expect(isCheckResults(withHeader('Via'))).toBe(true);
    expect(isCheckResults(withHeader('Via\nNo leak found'))).toBe(false);
    expect(isCheckResults({ ...CLEAN, headers: { state: 'done', result: { observations: [], headers: null } } })).toBe(true);
    const { headers: _, ...older } = CLEAN;
    expect(isCheckResults(older)).toBe(false);
  });
});
