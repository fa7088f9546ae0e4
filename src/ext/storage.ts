import { type CheckResults, HOST_VIEWS, isPlainText, type ProbeName, type Settings } from '../model';
import { LOCAL_KEYS } from './storage-keys';

// A remembered result is our own data, but storage can hold anything (an older version, a broken write).
// This checks only what the popup reads, so a bad record is dropped instead of breaking the popup.

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const opt =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const list =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isObject(v) && Object.entries(fields).every(([key, check]) => check(v[key]));

const problem = shape({ code: str, detail: opt(str) });
const outcome =
  (value: Check): Check =>
  (v) =>
    isObject(v) && (v.ok === true ? value(v.value) : v.ok === false && problem(v.problem));
const observations = (value: Check) => list(shape({ endpointId: str, outcome: outcome(value), ms: num }));
// Provider text is stored as the probes cleaned it; anything else was not written by this version.
const text: Check = (v) => isPlainText(v);
const meta = shape({ country: opt(text), city: opt(text), organization: opt(text), asn: opt(num), vpnExit: opt(bool) });

const RESULTS: Record<ProbeName, Check> = {
  ipv4: shape({ observations: observations(shape({ ip: str, meta })), ip: nullable(str), disagreement: bool, absent: bool, meta }),
  ipv6: shape({ observations: observations(shape({ ip: str, meta })), ip: nullable(str), disagreement: bool, absent: bool, meta }),
  dns: shape({
    observations: observations(() => true),
    resolvers: list(shape({ ip: str, country: opt(text), organization: opt(text), asn: opt(num) })),
    namesResolved: num,
    dnssec: opt(shape({ validates: nullable(bool), problem: opt(problem) })),
  }),
  webrtc: shape({
    status: str,
    publicIps: list(str),
    localIps: list(str),
    mdnsMasked: num,
    // Required: a result from before it existed cannot say whose view its local addresses were; it is dropped.
    hostView: (v) => (HOST_VIEWS as readonly unknown[]).includes(v),
    observations: observations(() => true),
  }),
  securedns: shape({ available: bool, observations: observations(() => true), isTRR: nullable(bool), resolverIps: list(str) }),
  // The popup shows a header's name and addresses, never its value (the copied JSON escapes it).
  headers: shape({ observations: observations(() => true), headers: nullable(list(shape({ name: text, value: str, ips: list(str) }))) }),
  locale: shape({ timeZone: str, timeZoneCountries: list(str), languages: list(str) }),
};

function probeState(check: Check): Check {
  return (v) => {
    if (!isObject(v)) return false;
    if (v.state === 'pending') return true;
    if (v.state === 'failed') return problem(v.problem);
    // Provisional: the answers so far, how many, and which providers are still out (at least one).
    if (v.state === 'partial') {
      return check(v.result) && num(v.answered) && list(str)(v.waiting) && (v.waiting as unknown[]).length > 0;
    }
    return v.state === 'done' && check(v.result);
  };
}

export function isCheckResults(value: unknown): value is CheckResults {
  return isObject(value) && Object.entries(RESULTS).every(([probe, check]) => probeState(check)(value[probe]));
}

/** The part of browser.storage.local used here; storage.sync is never used (nothing leaves the machine). */
export interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface Store {
  loadSettings(): Promise<Settings>;
  /** Saves the sanitized settings and returns them, so the UI shows what was actually kept. */
  saveSettings(settings: Settings): Promise<Settings>;
  loadRemember(): Promise<boolean>;
  /** Turning remembering off also forgets the remembered result. */
  saveRemember(on: boolean): Promise<void>;
  loadLastResult(): Promise<CheckResults | null>;
  saveLastResult(results: CheckResults): Promise<void>;
  clearStoredData(): Promise<void>;
}

export function createStore(area: StorageArea, sanitize: (raw: unknown) => Settings): Store {
  async function read(key: string): Promise<unknown> {
    try {
      return (await area.get(key))[key];
    } catch {
      // Storage can fail (quota, a broken profile); the check still runs on defaults.
      return undefined;
    }
  }

  const loadRemember = async () => (await read(LOCAL_KEYS.remember)) === true;

  return {
    loadSettings: async () => sanitize(await read(LOCAL_KEYS.settings)),
    async saveSettings(settings) {
      const clean = sanitize(settings);
      await area.set({ [LOCAL_KEYS.settings]: clean });
      return clean;
    },
    loadRemember,
    async saveRemember(on) {
      await area.set({ [LOCAL_KEYS.remember]: on });
      if (!on) await area.remove(LOCAL_KEYS.last);
    },
    async loadLastResult() {
      if (!(await loadRemember())) return null;
      const stored = await read(LOCAL_KEYS.last);
      if (stored === undefined) return null;
      if (isCheckResults(stored)) return stored;
      await area.remove(LOCAL_KEYS.last).catch(() => undefined);
      return null;
    },
    async saveLastResult(results) {
      if (await loadRemember()) await area.set({ [LOCAL_KEYS.last]: results });
    },
    clearStoredData: () => area.remove(Object.values(LOCAL_KEYS)),
  };
}
