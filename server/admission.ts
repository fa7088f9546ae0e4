/**
 * Which tokens this node lets into the store. Every DNS query for a fresh name creates a token, so
 * creation is where a flood would push real users out. Two rules keep it fair:
 * - one source (resolver address or /64, see ip.ts rateKey) holds at most `perSource` live tokens;
 * - when the node's table is full, the token to drop is the oldest of the source holding the most,
 *   never simply the oldest overall, so a flood evicts its own tokens before anyone else's.
 * Pure and per node: each node accounts for the tokens it created (see docs/self-hosting.md).
 */
export interface AdmissionOptions {
  /** At least 1 (config.ts refuses less): a full table then always has a source to take a token from. */
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

/** The first member of a set that is known to exist and not be empty. */
const first = (set: Set<string> | undefined) => (set as Set<string>).values().next().value as string;

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
    // A held label is always in its source's set.
    const own = bySource.get(h.source) as Set<string>;
    own.delete(label);
    if (own.size === 0) bySource.delete(h.source);
    move(h.source, own.size + 1, own.size);
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
        // Full, so some source holds `top` ≥ 1 tokens. A Set iterates in insertion order: the first source is
        // the one that has held that many the longest, and its first label is its oldest token.
        const victim = first(bySource.get(first(byCount.get(top))));
        drop(victim);
        evict.push(victim);
        evicted++;
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
