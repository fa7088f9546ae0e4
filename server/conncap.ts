/** Open connections per source key, with a cap: one client cannot hold every slot of a listener. */
export interface ConnectionCap {
  /** true = the connection may stay; every true must be matched by one close(key). */
  open(key: string): boolean;
  close(key: string): void;
  readonly sources: number;
}

export function createConnectionCap(perSource: number): ConnectionCap {
  const open = new Map<string, number>();
  return {
    open(key) {
      const n = open.get(key) ?? 0;
      if (n >= perSource) return false;
      open.set(key, n + 1);
      return true;
    },
    close(key) {
      const n = (open.get(key) ?? 0) - 1;
      if (n > 0) open.set(key, n);
      else open.delete(key);
    },
    get sources() {
      return open.size;
    },
  };
}
