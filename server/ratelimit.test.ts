import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './ratelimit.ts';

describe('createRateLimiter', () => {
  it('allows a burst, then the sustained rate', () => {
    const l = createRateLimiter({ rate: 10, burst: 5 });
    const t = 1_000_000;
    const burst = Array.from({ length: 7 }, () => l.take('a', t));
    expect(burst).toEqual([true, true, true, true, true, false, false]);
    expect(l.take('a', t + 99)).toBe(false); // 0.99 token refilled
    expect(l.take('a', t + 100)).toBe(true);
    expect(l.take('a', t + 100)).toBe(false);
    expect(l.take('b', t)).toBe(true); // per key
  });

  it('never exceeds rate × time + burst', () => {
    const l = createRateLimiter({ rate: 100, burst: 20 });
    let allowed = 0;
    for (let ms = 0; ms < 1000; ms++) for (let i = 0; i < 5; i++) if (l.take('x', ms)) allowed++;
    expect(allowed).toBeGreaterThanOrEqual(100);
    expect(allowed).toBeLessThanOrEqual(100 + 20);
  });

  it('bounds the number of tracked sources', () => {
    const l = createRateLimiter({ rate: 1, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) l.take(`k${i}`, 0);
    expect(l.size).toBe(100);
  });

  it('sweeps buckets that have refilled', () => {
    const l = createRateLimiter({ rate: 1, burst: 2 });
    l.take('a', 0);
    l.take('b', 0);
    l.take('b', 0);
    l.sweep(1000); // a is full again, b has 1 of 2
    expect(l.size).toBe(1);
    l.sweep(2000);
    expect(l.size).toBe(0);
  });

  it('rate 0 disables limiting and tracks nothing', () => {
    const l = createRateLimiter({ rate: 0 });
    for (let i = 0; i < 1000; i++) expect(l.take('a', 0)).toBe(true);
    expect(l.size).toBe(0);
  });
});
