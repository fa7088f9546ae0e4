/**
 * Which tokens this node lets into the store. Every DNS query for a fresh name creates a token, so
 * creation is where a flood would push real users out. Two rules keep it fair:
 * - one source (resolver address or /64, see ip.ts rateKey) holds at most `perSource` live tokens;
 * - when the node's table is full, the token to drop is the oldest of the source holding the most,
 *   never simply the oldest overall, so a flood evicts its own tokens before anyone else's.
 * Pure and per node: each node accounts for the tokens it created (see docs/self-hosting.md).
 */
export interface AdmissionOptions {
  maxTokens: number;
  perSource: number;
  ttlMs: number;
}

export type Verdict = { admit: true; evict: string[] } | { admit: false; reason: 'source-full' };

export interface Admission {
  admit(label: string, source: string, now: number): Verdict;
  /** The token was read (and so deleted) here: its place is free again. */
  release(label: string): void;
  /** Forgets expired tokens (admit does it too, on the way). */
  sweep(now: number): void;
  readonly size: number;
  readonly evicted: number;
  readonly refused: number;
}

interface Held {
  source: string;
  expires: number;
}

export function createAdmission({ maxTokens, perSource, ttlMs }: AdmissionOptions): Admission {
  // Creation order, with a fixed TTL: the first entry is the first to expire.
  const held = new Map<string, Held>();
  const bySource = new Map<string, Set<string>>();
  // Sources by how many tokens they hold, to find the largest without a scan.
  const byCount = new Map<number, Set<string>>();
  let top = 0;
  let evicted = 0;
  let refused = 0;

  const move = (source: string, from: number, to: number) => {
    byCount.get(from)?.delete(source);
    if (to > 0) {
      const set = byCount.get(to) ?? new Set<string>();
      set.add(source);
      byCount.set(to, set);
    }
    if (to > top) top = to;
    while (top > 0 && !byCount.get(top)?.size) top--;
  };
  const drop = (label: string) => {
    const h = held.get(label);
    if (!h) return;
    held.delete(label);
    const own = bySource.get(h.source);
    own?.delete(label);
    const n = own?.size ?? 0;
    if (n === 0) bySource.delete(h.source);
    move(h.source, n + 1, n);
  };
  const expire = (now: number) => {
    for (const [label, h] of held) {
      if (h.expires > now) break;
      drop(label);
    }
  };

  return {
    admit(label, source, now) {
      expire(now);
      if (held.has(label)) return { admit: true, evict: [] };
      const own = bySource.get(source) ?? new Set<string>();
      if (own.size >= perSource) {
        refused++;
        return { admit: false, reason: 'source-full' };
      }
      const evict: string[] = [];
      if (held.size >= maxTokens) {
        // A Set iterates in insertion order: its first label is that source's oldest token.
        const largest = byCount.get(top)?.values().next().value;
        const victim = largest === undefined ? undefined : bySource.get(largest)?.values().next().value;
        if (victim !== undefined) {
          drop(victim);
          evict.push(victim);
          evicted++;
        }
      }
      held.set(label, { source, expires: now + ttlMs });
      own.add(label);
      bySource.set(source, own);
      move(source, own.size - 1, own.size);
      return { admit: true, evict };
    },
    release: drop,
    sweep: expire,
    get size() {
      return held.size;
    },
    get evicted() {
      return evicted;
    },
    get refused() {
      return refused;
    },
  };
}
