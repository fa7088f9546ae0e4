import { Cluster, Redis } from 'ioredis';
import { RECORD, TAKE } from './redis-scripts.ts';
import { fieldOf, SUBNETS_PER_RESOLVER } from './rules.ts';
import { type ResolverSeen, type ResultStore, type SetLimits, StoreUnavailable } from './types.ts';

export interface RedisTarget {
  cluster: boolean;
  /** host:port seeds; a single one unless cluster. */
  nodes: { host: string; port: number }[];
  tls: boolean;
  username?: string;
  password?: string;
  db: number;
}

/**
 * The whole key is the hash tag, so a cluster keeps each token on one shard even if a later
 * version stores more than one key per token.
 */
export const keyOf = (label: string) => `leakless:{${label}}`;

// Fail fast instead of queueing while disconnected: the DNS answer waits for the write, and a
// queued write would hold every answer until the store returns.
const CLIENT = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: 500,
  connectTimeout: 1000,
  // Reconnect forever, at most every 2 s: the service recovers by itself when the store returns.
  retryStrategy: (times: number) => Math.min(100 * times, 2000),
} as const;

type Scripted = (Redis | Cluster) & {
  leaklessRecord(key: string, ...args: (string | number)[]): Promise<number>;
  leaklessTake(key: string): Promise<string[]>;
};

function connect(t: RedisTarget): Scripted {
  const auth = { ...(t.username ? { username: t.username } : {}), ...(t.password ? { password: t.password } : {}) };
  const tls = t.tls ? { tls: {} } : {};
  const client = t.cluster
    ? // The cluster's own ready check would go through the offline queue that is off here.
      new Cluster(t.nodes, { ...CLIENT, enableReadyCheck: false, redisOptions: { ...CLIENT, ...auth, ...tls } })
    : new Redis({ ...CLIENT, ...auth, ...tls, host: t.nodes[0]?.host ?? '127.0.0.1', port: t.nodes[0]?.port ?? 6379, db: t.db });
  // Without a listener ioredis prints errors to stderr; the counters say what matters.
  client.on('error', () => {});
  client.defineCommand('leaklessRecord', { numberOfKeys: 1, lua: RECORD });
  client.defineCommand('leaklessTake', { numberOfKeys: 1, lua: TAKE });
  return client as Scripted;
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw new StoreUnavailable((err as Error).name);
  }
}

export function createRedisStore(target: RedisTarget, { ttlSeconds, maxResolvers }: SetLimits): ResultStore & { ready(): Promise<void> } {
  const client = connect(target);
  return {
    ready: () => (client.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => client.once('ready', () => resolve()))),
    record: (label, r) =>
      guarded(async () => {
        const value = JSON.stringify(r);
        await client.leaklessRecord(keyOf(label), fieldOf(r), value, ttlSeconds * 1000, maxResolvers, `${r.ip}|`, SUBNETS_PER_RESOLVER);
      }),
    take: (label) => guarded(async () => (await client.leaklessTake(keyOf(label))).map((v) => JSON.parse(v) as ResolverSeen)),
    // One DEL per key: in a cluster the keys of different tokens live on different shards.
    forget: (labels) => guarded(async () => void (await Promise.all(labels.map((l) => client.del(keyOf(l)))))),
    size: () => null,
    close: async () => {
      client.disconnect();
    },
  };
}
