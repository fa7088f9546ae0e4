/** Records kept per list (the ledger, each context's observations). */
export const AUDIT_LIMIT = 500;

/** The part of browser.storage.session the audit uses (a fake in tests). */
export interface SessionArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface BoundedList<T> {
  append(item: T): Promise<void>;
  read(): Promise<T[]>;
  /** Resolves once every append so far has been written. */
  flush(): Promise<void>;
}

/**
 * A bounded list under one storage.session key, or in memory when the browser has no storage.session
 * (Chrome < 102, Firefox < 115). Appends run one after another: each is a read-modify-write.
 */
export function boundedList<T>(area: SessionArea | null, key: string, limit = AUDIT_LIMIT): BoundedList<T> {
  let memory: T[] = [];
  let queue: Promise<void> = Promise.resolve();

  async function load(): Promise<T[]> {
    if (!area) return memory.slice();
    const stored = (await area.get(key))[key];
    return Array.isArray(stored) ? (stored as T[]) : [];
  }

  async function write(list: T[]): Promise<void> {
    if (area) await area.set({ [key]: list });
    else memory = list;
  }

  return {
    append(item) {
      queue = queue
        .then(async () => {
          const list = await load();
          list.push(item);
          await write(list.length > limit ? list.slice(list.length - limit) : list);
        })
        .catch((error: unknown) => {
          // Quota or a closing context: the audit loses one record but must never break the page.
          console.warn('leakless audit: could not store a record', error);
        });
      return queue;
    },
    flush: () => queue,
    async read() {
      await queue;
      try {
        return await load();
      } catch {
        return [];
      }
    },
  };
}
