// Small generic helpers over lists, written once so each caller does not grow its own variant.

/** Each item once, in first-seen order. */
export function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Items whose key was not seen before, in order: the first item with a key wins. */
export function uniqueBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** One value per key across all items, folded left to right by `merge`; keys keep their first-seen order. */
export function unionBy<T>(items: Iterable<T>, key: (item: T) => string, merge: (kept: T, next: T) => T): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const kept = byKey.get(k);
    byKey.set(k, kept === undefined ? item : merge(kept, item));
  }
  return [...byKey.values()];
}
