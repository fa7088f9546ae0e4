/** One contract for every store: the in-memory one, a real redis-server, and a one-node Redis Cluster. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../redis-testing.ts';
import { freshToken } from '../testing.ts';
import { createMemoryStore } from './memory.ts';
import { createRedisStore, keyOf } from './redis.ts';
import { parseStoreTarget, type StoreTarget } from './target.ts';
import type { ResultStore } from './types.ts';

const LIMITS = { ttlSeconds: 30, maxResolvers: 4 };
const v4 = (ip: string, ecs?: string) => ({ ip, family: 4 as const, ...(ecs ? { ecs } : {}) });

let plain: TestRedis;
let cluster: TestRedis;
beforeAll(async () => {
  [plain, cluster] = await Promise.all([startRedis(), startRedis({ cluster: true })]);
}, 30_000);
afterAll(async () => {
  await Promise.all([plain?.stop(), cluster?.stop()]);
});

const redisStore = async (url: string) => {
  const store = createRedisStore(parseStoreTarget(url) as Exclude<StoreTarget, 'memory'>, LIMITS);
  await store.ready();
  return store;
};
const kinds: [string, () => Promise<ResultStore>][] = [
  ['memory', async () => createMemoryStore(LIMITS)],
  ['redis', () => redisStore(plain.url)],
  ['redis cluster', () => redisStore(cluster.url)],
];

describe.each(kinds)('%s store', (_name, make) => {
  it('records resolvers once each, reads them once, then the set is gone', async () => {
    const store = await make();
    const label = freshToken();
    await store.record(label, v4('192.0.2.1'));
    await store.record(label, v4('192.0.2.1'));
    await store.record(label, { ip: '2001:db8::1', family: 6, ecs: '2001:db8::/56' });
    expect(await store.take(label)).toEqual([v4('192.0.2.1'), { ip: '2001:db8::1', family: 6, ecs: '2001:db8::/56' }]);
    expect(await store.take(label)).toEqual([]);
    expect(await store.take(freshToken())).toEqual([]);
    await store.close();
  });

  it('keeps at most 2 subnets per resolver address and at most maxResolvers entries', async () => {
    const store = await make();
    const label = freshToken();
    for (let i = 0; i < 10; i++) await store.record(label, v4('192.0.2.1', `198.51.100.${i}/32`));
    for (let i = 2; i < 10; i++) await store.record(label, v4(`192.0.2.${i}`));
    expect(await store.take(label)).toEqual([
      v4('192.0.2.1', '198.51.100.0/32'),
      v4('192.0.2.1', '198.51.100.1/32'),
      v4('192.0.2.2'),
      v4('192.0.2.3'),
    ]);
    await store.close();
  });

  it('forgets sets on request', async () => {
    const store = await make();
    const [a, b] = [freshToken(), freshToken()];
    await store.record(a, v4('192.0.2.1'));
    await store.record(b, v4('192.0.2.2'));
    await store.forget([a, b]);
    expect([await store.take(a), await store.take(b)]).toEqual([[], []]);
    await store.close();
  });
});

describe.each([
  ['redis', () => plain],
  ['redis cluster', () => cluster],
])('%s keys', (_name, server) => {
  it('expire on the server, from the first sighting, never extended; one hash-tagged key per token', async () => {
    const store = await redisStore(server().url);
    const probe = new Redis(server().port, '127.0.0.1');
    const label = freshToken();
    await store.record(label, v4('192.0.2.1'));
    const first = await probe.pttl(keyOf(label));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(30_000);
    await store.record(label, v4('192.0.2.2'));
    expect(await probe.pttl(keyOf(label))).toBeLessThanOrEqual(first);
    expect(keyOf(label)).toBe(`leakless:{${label}}`);
    await store.take(label);
    expect(await probe.exists(keyOf(label))).toBe(0);
    probe.disconnect();
    await store.close();
  });
});

describe('memory store expiry', () => {
  it('a set lives ttl seconds from its first sighting, and the sweep removes it unread', async () => {
    let now = 1_000_000;
    const store = createMemoryStore({ ttlSeconds: 30, maxResolvers: 4 }, () => now);
    await store.record('a'.repeat(32), v4('192.0.2.1'));
    now += 29_999;
    await store.record('a'.repeat(32), v4('192.0.2.2'));
    await store.record('b'.repeat(32), v4('192.0.2.3'));
    now += 1;
    expect(await store.take('a'.repeat(32))).toEqual([]);
    expect(store.expired).toBe(1);
    now += 30_000;
    store.sweep();
    expect([store.size(), store.expired]).toEqual([0, 2]);
    await store.close();
  });
});
