import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission.ts';

const T = (n: number) => `t${n}`;

describe('createAdmission', () => {
  it('admits a known token again without charging its source', () => {
    const a = createAdmission({ maxTokens: 10, perSource: 1, ttlMs: 1000 });
    expect(a.admit(T(1), 'A', 0)).toEqual({ admit: true, evict: [] });
    expect(a.admit(T(1), 'A', 10)).toEqual({ admit: true, evict: [] });
    expect(a.admit(T(1), 'B', 10)).toEqual({ admit: true, evict: [] });
    expect([a.size, a.refused]).toEqual([1, 0]);
  });

  it('refuses a source at its budget, and only that source', () => {
    const a = createAdmission({ maxTokens: 10, perSource: 2, ttlMs: 1000 });
    a.admit(T(1), 'A', 0);
    a.admit(T(2), 'A', 0);
    expect(a.admit(T(3), 'A', 0)).toEqual({ admit: false, reason: 'source-full' });
    expect(a.admit(T(4), 'B', 0)).toEqual({ admit: true, evict: [] });
    expect([a.size, a.refused, a.evicted]).toEqual([3, 1, 0]);
  });

  it('when full, evicts the oldest token of the source holding the most', () => {
    const a = createAdmission({ maxTokens: 4, perSource: 10, ttlMs: 1000 });
    a.admit(T(1), 'user', 0);
    a.admit(T(2), 'flood', 1);
    a.admit(T(3), 'flood', 2);
    a.admit(T(4), 'flood', 3);
    expect(a.admit(T(5), 'other', 4)).toEqual({ admit: true, evict: [T(2)] });
    expect(a.admit(T(6), 'other', 5)).toEqual({ admit: true, evict: [T(3)] });
    // flood and other now hold 1 and 2: other is the largest, and loses its own oldest.
    expect(a.admit(T(7), 'new', 6)).toEqual({ admit: true, evict: [T(5)] });
    expect([a.size, a.evicted]).toEqual([4, 3]);
    // The user's token was never touched.
    expect(a.admit(T(1), 'user', 7)).toEqual({ admit: true, evict: [] });
  });

  it('between sources holding equally many, the one that has held that many the longest loses first', () => {
    const a = createAdmission({ maxTokens: 3, perSource: 10, ttlMs: 1000 });
    a.admit(T(1), 'A', 0);
    a.admit(T(2), 'B', 0);
    a.admit(T(3), 'A', 0);
    // A holds 2 for a moment, then 1 again: now later than B, which has held 1 all along.
    a.release(T(3));
    a.admit(T(4), 'C', 0);
    expect(a.admit(T(5), 'D', 0)).toEqual({ admit: true, evict: [T(2)] });
    expect(a.admit(T(6), 'E', 0)).toEqual({ admit: true, evict: [T(1)] });
  });

  it('frees places when tokens expire or are read', () => {
    const a = createAdmission({ maxTokens: 2, perSource: 2, ttlMs: 1000 });
    a.admit(T(1), 'A', 0);
    a.admit(T(2), 'A', 500);
    a.sweep(999);
    expect(a.size).toBe(2);
    a.sweep(1000);
    expect(a.size).toBe(1);
    expect(a.admit(T(3), 'A', 1000)).toEqual({ admit: true, evict: [] });
    expect(a.admit(T(4), 'A', 1000)).toEqual({ admit: false, reason: 'source-full' });
    a.release(T(2));
    a.release('unknown');
    expect(a.admit(T(4), 'A', 1000)).toEqual({ admit: true, evict: [] });
    // Expired on the way in: T3 and T4 are gone at 2000, so a fresh token fits without eviction.
    expect(a.admit(T(5), 'B', 2000)).toEqual({ admit: true, evict: [] });
    expect([a.size, a.evicted]).toEqual([1, 0]);
  });

  it('finds the largest source again after it shrinks', () => {
    const a = createAdmission({ maxTokens: 5, perSource: 5, ttlMs: 1000 });
    for (const [t, s] of [
      [1, 'A'],
      [2, 'A'],
      [3, 'A'],
      [4, 'B'],
      [5, 'B'],
    ] as const) {
      a.admit(T(t), s, 0);
    }
    a.release(T(1));
    a.release(T(2));
    a.release(T(3));
    a.admit(T(6), 'C', 0);
    a.admit(T(7), 'C', 0);
    a.admit(T(8), 'C', 0);
    // A is gone; B and C hold 2 and 3: C is the largest.
    expect(a.admit(T(9), 'D', 0)).toEqual({ admit: true, evict: [T(6)] });
    expect(a.admit(T(10), 'D', 0)).toEqual({ admit: true, evict: [T(4)] });
  });
});
