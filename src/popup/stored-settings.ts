// The popup's view of the settings. The background reads and sanitizes the full settings itself for each run
// (against the registry, with valibot); the popup only shows and flips the Extended DNS switch, so it reads
// them lightly here and writes back nothing but dnsNames, leaving every other field as the options page saved it.

import type { StorageArea } from '../ext/storage';
import { LOCAL_KEYS } from '../ext/storage-keys';
import { DEADLINE_MS, DNS_NAME_COUNTS, type Settings } from '../model';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ids = (v: unknown): readonly string[] => (Array.isArray(v) && v.every((id) => typeof id === 'string') ? v : []);

/** Only dnsNames is meaningful to the popup; the other fields are informative and never sent or saved from here. */
export function popupSettings(raw: unknown): Settings {
  const stored = isObject(raw) ? raw : {};
  return {
    ipv4: ids(stored.ipv4),
    ipv6: ids(stored.ipv6),
    dns: ids(stored.dns),
    webrtc: ids(stored.webrtc),
    securedns: ids(stored.securedns),
    headers: ids(stored.headers),
    dnsNames: stored.dnsNames === DNS_NAME_COUNTS.extended ? DNS_NAME_COUNTS.extended : DNS_NAME_COUNTS.quick,
    deadlineMs: typeof stored.deadlineMs === 'number' && Number.isFinite(stored.deadlineMs) ? stored.deadlineMs : DEADLINE_MS.default,
  };
}

async function readRaw(area: StorageArea): Promise<Record<string, unknown>> {
  try {
    const raw = (await area.get(LOCAL_KEYS.settings))[LOCAL_KEYS.settings];
    return isObject(raw) ? raw : {};
  } catch {
    return {};
  }
}

export interface PopupSettingsStore {
  load(): Promise<Settings>;
  /** Saves `settings.dnsNames` into the stored settings and returns what is stored now. */
  save(settings: Settings): Promise<Settings>;
}

export function popupSettingsStore(area: StorageArea): PopupSettingsStore {
  return {
    load: async () => popupSettings(await readRaw(area)),
    async save(settings) {
      const merged = { ...(await readRaw(area)), dnsNames: popupSettings(settings).dnsNames };
      await area.set({ [LOCAL_KEYS.settings]: merged });
      return popupSettings(merged);
    },
  };
}
