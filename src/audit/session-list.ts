/** Records kept per list (the ledger, each context's observations). */
export const AUDIT_LIMIT = 500;

/**
 * How long the background gathers records into one write. A page writes at once (a popup may close any
 * moment); the background lives on, and the audit summary it computes flushes first.
 */
export const BACKGROUND_GATHER_MS = 250;

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
 * (Chrome < 102, Firefox < 115). Writes run one after another, each a read-modify-write of the whole list.
 * Appends are gathered for `gatherMs` (and while the previous write is under way) into one write: storage
 * calls were the largest cost in the background's profile of a check, two per request. flush() and read()
 * write what is gathered at once.
 */
export function boundedList<T>(area: SessionArea | null, key: string, limit = AUDIT_LIMIT, gatherMs = 0): BoundedList<T> {
  let memory: T[] = [];
  /** Every write so far, in order. */
  let queue: Promise<void> = Promise.resolve();
  /** Appended, not yet taken by a write. */
  let waiting: T[] = [];
  /** The write now gathering items, and what starts it before its timer does. */
  let next: { readonly done: Promise<void>; readonly go: () => void } | null = null;

  async function load(): Promise<T[]> {
    if (!area) return memory.slice();
    const stored = (await area.get(key))[key];
    return Array.isArray(stored) ? (stored as T[]) : [];
  }

  async function write(list: T[]): Promise<void> {
    if (area) await area.set({ [key]: list });
    else memory = list;
  }

  function gather(): Promise<void> {
    if (next) return next.done;
    let go: () => void = () => undefined;
    const ready = new Promise<void>((resolve) => {
      go = resolve;
    });
    const timer = setTimeout(go, gatherMs);
    const done = queue
      .then(() => ready)
      .then(async () => {
        clearTimeout(timer);
        const batch = waiting;
        waiting = [];
        next = null;
        const list = await load();
        list.push(...batch);
        await write(list.length > limit ? list.slice(list.length - limit) : list);
      })
      .catch((error: unknown) => {
        // Quota or a closing context: the audit loses this write's records but must never break the page.
        console.warn('leakless audit: could not store a record', error);
      });
    queue = done;
    next = { done, go };
    return done;
  }

  const now = (): Promise<void> => {
    next?.go();
    return queue;
  };

  return {
    append(item) {
      waiting.push(item);
      return gather();
    },
    flush: now,
    async read() {
      await now();
      try {
        return await load();
      } catch {
        return [];
      }
    },
  };
}
