/** The in-memory store's own clock rules: expiry at the TTL exactly, the sweep, and its timer (fake timers). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from './memory.ts';

const v4 = (ip: string) => ({ ip, family: 4 as const });
const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

afterEach(() => {
  vi.useRealTimers();
});

describe('memory store', () => {
  it('a set read at its last live millisecond is there; one millisecond later it is gone and counted', async () => {
    let now = 5_000;
    const store = createMemoryStore({ ttlSeconds: 2, maxResolvers: 4 }, () => now);
    await store.record(A, v4('192.0.2.1'));
    await store.record(B, v4('192.0.2.2'));
    now = 6_999;
    expect(await store.take(A)).toEqual([v4('192.0.2.1')]);
    expect(store.expired).toBe(0);
    now = 7_000;
    expect(await store.take(B)).toEqual([]);
    expect([store.size(), store.expired]).toEqual([0, 1]);
    await store.close();
  });

  it('a sighting after expiry starts a new set with a new TTL', async () => {
    let now = 0;
    const store = createMemoryStore({ ttlSeconds: 1, maxResolvers: 4 }, () => now);
    await store.record(A, v4('192.0.2.1'));
    now = 1_000;
    await store.record(A, v4('192.0.2.2'));
    expect([store.size(), store.expired]).toEqual([1, 1]);
    now = 1_999;
    expect(await store.take(A)).toEqual([v4('192.0.2.2')]);
    await store.close();
  });

  it('the sweep removes sets up to its time and stops at the first live one', async () => {
    let now = 0;
    const store = createMemoryStore({ ttlSeconds: 1, maxResolvers: 4 }, () => now);
    await store.record(A, v4('192.0.2.1'));
    now = 10;
    await store.record(B, v4('192.0.2.2'));
    store.sweep(999);
    expect([store.size(), store.expired]).toEqual([2, 0]);
    store.sweep(1_000);
    expect([store.size(), store.expired]).toEqual([1, 1]);
    store.sweep(1_009);
    expect(store.size()).toBe(1);
    now = 1_010;
    store.sweep();
    expect([store.size(), store.expired]).toEqual([0, 2]);
    await store.close();
  });

  it('forgets the named sets and only those', async () => {
    const store = createMemoryStore({ ttlSeconds: 30, maxResolvers: 4 }, () => 0);
    await store.record(A, v4('192.0.2.1'));
    await store.record(B, v4('192.0.2.2'));
    await store.forget([A]);
    expect(store.size()).toBe(1);
    expect(await store.take(B)).toEqual([v4('192.0.2.2')]);
    await store.close();
  });

  it('sweeps on its own every half TTL when that is under a second, and stops with close', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = createMemoryStore({ ttlSeconds: 1, maxResolvers: 4 });
    vi.advanceTimersByTime(250);
    await store.record(A, v4('192.0.2.1')); // expires at 1250
    vi.advanceTimersByTime(1_249); // sweeps at 500 and 1000
    expect(store.expired).toBe(0);
    vi.advanceTimersByTime(251); // the sweep at 1500
    expect([store.size(), store.expired]).toEqual([0, 1]);
    expect(vi.getTimerCount()).toBe(1);
    await store.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sweeps every second when the TTL is longer', async () => {
    vi.useFakeTimers({ now: 0 });
    const store = createMemoryStore({ ttlSeconds: 30, maxResolvers: 4 });
    vi.advanceTimersByTime(500);
    await store.record(A, v4('192.0.2.1')); // expires at 30500
    vi.advanceTimersByTime(30_499); // last sweep at 30000
    expect(store.expired).toBe(0);
    vi.advanceTimersByTime(501); // the sweep at 31000
    expect(store.expired).toBe(1);
    await store.close();
  });
});
