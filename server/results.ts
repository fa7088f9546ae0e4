import type { Admission } from './admission.ts';
import type { Counters } from './counters.ts';
import { labelFor } from './secret.ts';
import { type ResolverSeen, type ResultStore, StoreUnavailable } from './store/types.ts';

/** Token results as the listeners see them: admission in front of the store, counted. */
export interface Results {
  /** Resolves once the sighting is stored, refused, or the store failed; never rejects. */
  record(label: string, source: string, resolver: ResolverSeen): Promise<void>;
  /** The set of the token named by this read secret, read once; rejects with StoreUnavailable. */
  read(secret: string): Promise<ResolverSeen[]>;
  /** Whether the last store operation succeeded. */
  readonly storeUp: boolean;
}

export function createResults(store: ResultStore, admission: Admission, counters: Counters, clock: () => number = Date.now): Results {
  let up = true;
  const tracked = async <T>(work: Promise<T>, errors: 'writeErrors' | 'readErrors'): Promise<T> => {
    try {
      const value = await work;
      up = true;
      return value;
    } catch (err) {
      up = false;
      counters.store[errors]++;
      throw err instanceof StoreUnavailable ? err : new StoreUnavailable('store');
    }
  };
  return {
    async record(label, source, resolver) {
      const verdict = admission.admit(label, source, clock());
      if (!verdict.admit) {
        counters.tokens.refused++;
        return;
      }
      counters.tokens.evicted += verdict.evict.length;
      try {
        if (verdict.evict.length) await tracked(store.forget(verdict.evict), 'writeErrors');
        await tracked(store.record(label, resolver), 'writeErrors');
        counters.tokens.recorded++;
      } catch {
        // Counted; DNS answers whatever the store does.
      }
    },
    async read(secret) {
      const label = labelFor(secret);
      const resolvers = await tracked(store.take(label), 'readErrors');
      admission.release(label);
      if (resolvers.length) counters.tokens.read++;
      return resolvers;
    },
    get storeUp() {
      return up;
    },
  };
}
