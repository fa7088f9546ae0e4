import type { Family } from './ip.ts';

export interface ResolverSeen {
  ip: string;
  family: Family;
  /** EDNS Client Subnet the resolver forwarded, "a.b.c.0/24". */
  ecs?: string;
}

export interface TokenStore {
  /** Adds a resolver to the token's set, creating the token on first sight. */
  record(token: string, resolver: ResolverSeen, now?: number): void;
  /** Reads and forgets: a token's set can be read once. Unknown or expired → []. */
  take(token: string, now?: number): ResolverSeen[];
  sweep(now?: number): void;
  readonly size: number;
  readonly evicted: number;
  readonly expired: number;
  /** Starts the periodic sweep; the timer never holds the process open. */
  start(): void;
  stop(): void;
}

export interface TokenStoreOptions {
  ttlSeconds: number;
  maxTokens: number;
  maxResolvers: number;
}

interface Entry {
  expires: number;
  resolvers: Map<string, ResolverSeen>;
}

export function createTokenStore({ ttlSeconds, maxTokens, maxResolvers }: TokenStoreOptions): TokenStore {
  // Insertion order = creation order, so the first key is always the oldest token.
  const entries = new Map<string, Entry>();
  const ttl = ttlSeconds * 1000;
  let evicted = 0;
  let expired = 0;
  let timer: NodeJS.Timeout | undefined;

  const store: TokenStore = {
    record(token, resolver, now = Date.now()) {
      let e = entries.get(token);
      if (e && e.expires <= now) {
        entries.delete(token);
        expired++;
        e = undefined;
      }
      if (!e) {
        while (entries.size >= maxTokens) {
          const oldest = entries.keys().next().value;
          if (oldest === undefined) break;
          entries.delete(oldest);
          evicted++;
        }
        // The lifetime runs from first sight and is never extended, so no token outlives the TTL.
        e = { expires: now + ttl, resolvers: new Map() };
        entries.set(token, e);
      }
      const key = `${resolver.ip}|${resolver.ecs ?? ''}`;
      if (!e.resolvers.has(key) && e.resolvers.size < maxResolvers) e.resolvers.set(key, resolver);
    },
    take(token, now = Date.now()) {
      const e = entries.get(token);
      if (!e) return [];
      entries.delete(token);
      if (e.expires <= now) {
        expired++;
        return [];
      }
      return [...e.resolvers.values()];
    },
    sweep(now = Date.now()) {
      // Oldest first: stop at the first live entry.
      for (const [token, e] of entries) {
        if (e.expires > now) break;
        entries.delete(token);
        expired++;
      }
    },
    get size() {
      return entries.size;
    },
    get evicted() {
      return evicted;
    },
    get expired() {
      return expired;
    },
    start() {
      if (timer) return;
      timer = setInterval(() => store.sweep(), Math.min(1000, ttl / 2));
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
  return store;
}
