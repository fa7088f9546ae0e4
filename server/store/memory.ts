import { admitsResolver, fieldOf } from './rules.ts';
import type { ResolverSeen, ResultStore, SetLimits } from './types.ts';

interface Entry {
  expires: number;
  resolvers: Map<string, ResolverSeen>;
}

export interface MemoryStore extends ResultStore {
  /** Removes expired sets; also run by a timer that never holds the process open. */
  sweep(now?: number): void;
  readonly expired: number;
}

/** The default store: one process, nothing shared. How many sets exist is bounded by admission.ts. */
export function createMemoryStore({ ttlSeconds, maxResolvers }: SetLimits, clock: () => number = Date.now): MemoryStore {
  // Insertion order = creation order and the TTL is fixed, so the first entry is always the oldest.
  const entries = new Map<string, Entry>();
  const ttl = ttlSeconds * 1000;
  let expired = 0;
  const live = (label: string, now: number): Entry | undefined => {
    const e = entries.get(label);
    if (e && e.expires <= now) {
      entries.delete(label);
      expired++;
      return undefined;
    }
    return e;
  };
  const store: MemoryStore = {
    async record(label, resolver) {
      const now = clock();
      let e = live(label, now);
      if (!e) {
        e = { expires: now + ttl, resolvers: new Map() };
        entries.set(label, e);
      }
      if (admitsResolver([...e.resolvers.keys()], resolver, maxResolvers)) e.resolvers.set(fieldOf(resolver), resolver);
    },
    async take(label) {
      const e = live(label, clock());
      entries.delete(label);
      return e ? [...e.resolvers.values()] : [];
    },
    async forget(labels) {
      for (const l of labels) entries.delete(l);
    },
    size: () => entries.size,
    sweep(now = clock()) {
      for (const [label, e] of entries) {
        if (e.expires > now) break;
        entries.delete(label);
        expired++;
      }
    },
    get expired() {
      return expired;
    },
    async close() {
      clearInterval(timer);
      entries.clear();
    },
  };
  const timer = setInterval(() => store.sweep(), Math.min(1000, ttl / 2));
  timer.unref();
  return store;
}
