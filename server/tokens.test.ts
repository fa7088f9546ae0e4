import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTokenStore } from './tokens.ts';

const r1 = { ip: '192.0.2.1', family: 4 as const };
const r2 = { ip: '2001:db8::53', family: 6 as const, ecs: '198.51.100.0/24' };

afterEach(() => {
  vi.useRealTimers();
});

describe('token store', () => {
  it('keeps a deduplicated set and reads it once', () => {
    const s = createTokenStore({ ttlSeconds: 30, maxTokens: 10, maxResolvers: 32 });
    s.record('t1', r1);
    s.record('t1', r2);
    s.record('t1', { ...r1 });
    expect(s.take('t1')).toEqual([r1, r2]);
    expect(s.take('t1')).toEqual([]);
    expect(s.size).toBe(0);
  });

  it('bounds resolvers per token', () => {
    const s = createTokenStore({ ttlSeconds: 30, maxTokens: 10, maxResolvers: 3 });
    for (let i = 0; i < 50; i++) s.record('t', { ip: `192.0.2.${i}`, family: 4 });
    expect(s.take('t').map((r) => r.ip)).toEqual(['192.0.2.0', '192.0.2.1', '192.0.2.2']);
  });

  it('evicts the oldest token when full', () => {
    const s = createTokenStore({ ttlSeconds: 30, maxTokens: 3, maxResolvers: 1 });
    for (const t of ['a', 'b', 'c', 'd']) s.record(t, r1);
    expect(s.size).toBe(3);
    expect(s.evicted).toBe(1);
    expect(s.take('a')).toEqual([]);
    expect(s.take('d')).toEqual([r1]);
  });

  it('forgets a token after its TTL, measured from first sight, via the unref-ed sweep', () => {
    vi.useFakeTimers();
    const s = createTokenStore({ ttlSeconds: 2, maxTokens: 10, maxResolvers: 4 });
    s.start();
    s.record('t', r1);
    vi.advanceTimersByTime(1500);
    s.record('t', r2); // does not extend the lifetime
    expect(s.size).toBe(1);
    vi.advanceTimersByTime(1000);
    expect(s.size).toBe(0); // swept without anyone reading
    expect(s.expired).toBe(1);
    expect(s.take('t')).toEqual([]);
    s.stop();
  });

  it('does not return an expired token that the sweep has not reached yet', () => {
    const s = createTokenStore({ ttlSeconds: 1, maxTokens: 10, maxResolvers: 4 });
    s.record('t', r1, 0);
    expect(s.take('t', 1000)).toEqual([]);
    s.record('u', r1, 0);
    s.record('u', r2, 1000); // expired: starts a new set
    expect(s.take('u', 1001)).toEqual([r2]);
  });

  it('the sweep timer does not keep the process alive', () => {
    const s = createTokenStore({ ttlSeconds: 30, maxTokens: 10, maxResolvers: 4 });
    const spy = vi.spyOn(globalThis, 'setInterval');
    s.start();
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    s.stop();
    spy.mockRestore();
  });
});
