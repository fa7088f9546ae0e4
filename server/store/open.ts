import { createMemoryStore } from './memory.ts';
import { createRedisStore } from './redis.ts';
import type { StoreTarget } from './target.ts';
import type { ResultStore, SetLimits } from './types.ts';

/** How long startup waits for a shared store before serving anyway (DNS never waits for it). */
const READY_WAIT_MS = 2_000;

export async function openStore(target: StoreTarget, limits: SetLimits): Promise<ResultStore> {
  if (target === 'memory') return createMemoryStore(limits);
  const store = createRedisStore(target, limits);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([store.ready(), new Promise((resolve) => (timer = setTimeout(resolve, READY_WAIT_MS)))]);
  clearTimeout(timer);
  return store;
}
