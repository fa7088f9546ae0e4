import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission.ts';
import { BYTES } from './budget.ts';
import { createMemoryStore } from './store/memory.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const N = 5_000;

// The worst case the config check relies on (budget.ts) must not be an underestimate.
describe('memory per token stays within the budgeted bytes', () => {
  it('admission table, a set, and full resolver sets', async () => {
    const labels = Array.from({ length: N }, () => randomBytes(16).toString('hex'));
    let before = heap();
    const admission = createAdmission({ maxTokens: N, perSource: N, ttlMs: 60_000 });
    for (const [i, l] of labels.entries()) admission.admit(l, `198.51.${(i >> 8) & 255}.${i & 255}`, 0);
    expect((heap() - before) / N).toBeLessThan(BYTES.admitted);

    before = heap();
    const store = createMemoryStore({ ttlSeconds: 60, maxResolvers: 32 });
    for (const l of labels) await store.record(l, { ip: '203.0.113.1', family: 4 });
    const sets = heap();
    expect((sets - before) / N).toBeLessThan(BYTES.set + BYTES.resolver);
    for (const l of labels) {
      for (let r = 2; r <= 32; r++) {
        await store.record(l, {
          ip: `2001:db8:${r.toString(16)}::${randomBytes(2).toString('hex')}`,
          family: 6,
          ecs: `2001:db8:${r}::/56`,
        });
      }
    }
    expect((heap() - sets) / N / 31).toBeLessThan(BYTES.resolver);
    expect(admission.size + (store.size() ?? 0)).toBe(2 * N);
    await store.close();
  }, 60_000);
});
