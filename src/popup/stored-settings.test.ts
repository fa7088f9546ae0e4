import { describe, expect, it } from 'vitest';
import type { StorageArea } from '../ext/storage';
import { popupSettings, popupSettingsStore } from './stored-settings';

function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const area: StorageArea = {
    get: async (key) => (typeof key === 'string' && key in data ? { [key]: data[key] } : {}),
    set: async (items) => {
      Object.assign(data, items);
    },
    remove: async () => undefined,
  };
  return { area, data };
}

const STORED = {
  ipv4: ['mullvad-ipv4'],
  ipv6: [],
  dns: ['mullvad-dns'],
  webrtc: ['cloudflare-stun'],
  securedns: [],
  headers: [],
  dnsNames: 6,
  deadlineMs: 8000,
};

describe('popupSettings', () => {
  it('reads what the popup shows, and falls back without throwing on anything else', () => {
    expect(popupSettings({ ...STORED, dnsNames: 36 })).toEqual({ ...STORED, dnsNames: 36 });
    for (const raw of [undefined, null, 'x', [], { dnsNames: '36', ipv4: [1], deadlineMs: Number.NaN }]) {
      expect(popupSettings(raw)).toMatchObject({ ipv4: [], dnsNames: 6, deadlineMs: 5000 });
    }
  });
});

describe('popupSettingsStore', () => {
  it('writes back only dnsNames, keeping every other stored field as it was', async () => {
    const stored = { ...STORED, ipv4: ['some-future-id'], unknownField: true };
    const { area, data } = memoryArea({ settings: stored });
    const store = popupSettingsStore(area);
    const loaded = await store.load();
    const saved = await store.save({ ...loaded, ipv4: [], dnsNames: 36 });
    expect(data.settings).toEqual({ ...stored, dnsNames: 36 });
    expect(saved.dnsNames).toBe(36);
  });

  it('starts from nothing when storage holds nothing usable', async () => {
    const { area, data } = memoryArea({ settings: 'corrupt' });
    await popupSettingsStore(area).save({ ...STORED, dnsNames: 36 });
    expect(data.settings).toEqual({ dnsNames: 36 });
    expect(await popupSettingsStore(memoryArea().area).load()).toMatchObject({ dnsNames: 6 });
  });
});
