// Test doubles for the audit's browser layer (used by the tests only).
import type { SessionArea } from './session-list';
import type { ObserverConstructor, ResourceEntryLike, WatchEnv } from './watch';

export function fakeSession(initial: Record<string, unknown> = {}): SessionArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = structuredClone(initial);
  return {
    data,
    async get(keys) {
      if (keys === null) return structuredClone(data);
      const wanted = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(wanted.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
    },
    async set(items) {
      // A tick between read and write, like the real API, so unserialised appends would lose records.
      await new Promise((resolve) => setTimeout(resolve, 0));
      Object.assign(data, structuredClone(items));
    },
  };
}

/** An event target and a PerformanceObserver that the test drives by hand. */
export function fakeWatchEnv(origin = 'chrome-extension://abc') {
  const listeners = new Map<string, Set<(event: Event) => void>>();
  const observers: { emit(entries: ResourceEntryLike[]): void; options: unknown; disconnected: boolean }[] = [];
  const Observer = class {
    constructor(private readonly callback: (list: { getEntries(): readonly ResourceEntryLike[] }) => void) {}
    observe(options: unknown) {
      observers.push({ emit: (entries) => this.callback({ getEntries: () => entries }), options, disconnected: false });
    }
    disconnect() {
      for (const o of observers) o.disconnected = true;
    }
  } as unknown as ObserverConstructor;
  const env: WatchEnv = {
    target: {
      addEventListener: (type, listener) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
      removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    },
    origin,
    timeOrigin: 1_000_000,
    now: () => 2_000_000,
    PerformanceObserver: Observer,
  };
  const dispatch = (type: string, fields: Record<string, unknown>) => {
    for (const l of listeners.get(type) ?? []) l(Object.assign(new Event(type), fields));
  };
  return { env, observers, dispatch, listeners };
}
