import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission.ts';
import { createCounters } from './counters.ts';
import { createResults } from './results.ts';
import { labelFor } from './secret.ts';
import { createMemoryStore } from './store/memory.ts';
import { type ResolverSeen, type ResultStore, StoreUnavailable } from './store/types.ts';

const SECRET = 'abcdefghijklmnopqrstuvwxyz012345';
const LABEL = labelFor(SECRET);
const R1: ResolverSeen = { ip: '192.0.2.53', family: 4 };
const R2: ResolverSeen = { ip: '198.51.100.53', family: 4 };

/** A store that fails on demand and logs what it was asked. */
function flakyStore() {
  const inner = createMemoryStore({ ttlSeconds: 60, maxResolvers: 8 }, () => 0);
  const calls: string[] = [];
  const state = { fail: null as null | Error };
  const guard = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    calls.push(name);
    if (state.fail) throw state.fail;
    return work();
  };
  const store: ResultStore = {
    record: (label, r) => guard(`record ${label.slice(0, 4)} ${r.ip}`, () => inner.record(label, r)),
    take: (label) => guard(`take ${label.slice(0, 4)}`, () => inner.take(label)),
    forget: (labels) => guard(`forget ${labels.map((l) => l.slice(0, 4)).join(',')}`, () => inner.forget(labels)),
    size: () => inner.size(),
    close: () => inner.close(),
  };
  return { store, calls, state };
}

function setup(perSource = 4, maxTokens = 100) {
  const { store, calls, state } = flakyStore();
  const counters = createCounters();
  const admission = createAdmission({ maxTokens, perSource, ttlMs: 60_000 });
  const results = createResults(store, admission, counters, () => 0);
  return { results, counters, calls, state, admission };
}

describe('createResults', () => {
  it('records admitted sightings, reads them once by the secret, and counts both', async () => {
    const { results, counters, admission } = setup();
    await results.record(LABEL, 'src', R1);
    await results.record(LABEL, 'src', R2);
    expect(counters.tokens).toEqual({ recorded: 2, read: 0, refused: 0, evicted: 0 });
    expect(await results.read(SECRET)).toEqual([R1, R2]);
    expect(counters.tokens.read).toBe(1);
    expect(admission.size).toBe(0);
    // Read once: the second read finds nothing and is not counted as a read.
    expect(await results.read(SECRET)).toEqual([]);
    expect(counters.tokens.read).toBe(1);
    expect(results.storeUp).toBe(true);
  });

  it('refuses a source past its budget without touching the store', async () => {
    const { results, counters, calls } = setup(1);
    await results.record('a'.repeat(32), 'src', R1);
    await results.record('b'.repeat(32), 'src', R1);
    expect(counters.tokens).toEqual({ recorded: 1, read: 0, refused: 1, evicted: 0 });
    expect(calls).toEqual(['record aaaa 192.0.2.53']);
  });

  it('forgets the evicted tokens in the store before recording, and counts them', async () => {
    const { results, counters, calls } = setup(4, 1);
    await results.record('a'.repeat(32), 'src', R1);
    await results.record('b'.repeat(32), 'other', R1);
    expect(calls).toEqual(['record aaaa 192.0.2.53', 'forget aaaa', 'record bbbb 192.0.2.53']);
    expect(counters.tokens).toEqual({ recorded: 2, read: 0, refused: 0, evicted: 1 });
  });

  it('a failing store: writes are counted and swallowed, reads reject with StoreUnavailable; up again after a success', async () => {
    const { results, counters, state } = setup();
    state.fail = new Error('ECONNREFUSED');
    await expect(results.record(LABEL, 'src', R1)).resolves.toBeUndefined();
    expect(results.storeUp).toBe(false);
    expect(counters.store).toEqual({ writeErrors: 1, readErrors: 0 });
    expect(counters.tokens.recorded).toBe(0);
    const read = results.read(SECRET);
    await expect(read).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(read).rejects.toThrow('store');
    const own = new StoreUnavailable('redis down');
    state.fail = own;
    await expect(results.read(SECRET)).rejects.toBe(own);
    expect(counters.store).toEqual({ writeErrors: 1, readErrors: 2 });
    state.fail = null;
    expect(await results.read(SECRET)).toEqual([]);
    expect(results.storeUp).toBe(true);
  });

  it('a failing eviction is a write error and the sighting is not recorded', async () => {
    const { results, counters, calls, state } = setup(4, 1);
    await results.record('a'.repeat(32), 'src', R1);
    state.fail = new Error('down');
    await results.record('b'.repeat(32), 'other', R1);
    expect(calls).toEqual(['record aaaa 192.0.2.53', 'forget aaaa']);
    expect(counters.store.writeErrors).toBe(1);
    expect(counters.tokens).toEqual({ recorded: 1, read: 0, refused: 0, evicted: 1 });
  });
});
