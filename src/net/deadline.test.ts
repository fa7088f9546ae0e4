// Deadlines under fake timers: a request past its deadline fails at the deadline — not before, not after.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry, type Endpoint, endpointById } from '../endpoints';
import { startDeadline } from './deadline';
import type { DnsResolver } from './dns-resolve';
import { createGate, type GateOptions } from './gate';
import { memoryLedger, scriptedFetch, stallingStream } from './testing/fake-fetch';

const registry = buildRegistry('https://check.example.org');
function endpoint(id: string): Endpoint {
  const e = endpointById(registry, id);
  if (!e) throw new Error(`no endpoint ${id}`);
  return e;
}
const ipify = endpoint('ipify-ipv4');
const akamai = endpoint('akamai-whoami');
const never = <T>() => new Promise<T>(() => {});

beforeEach(() => {
  vi.useFakeTimers({ now: 1_700_000_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** A promise's settlement, observable without awaiting it. */
function watch<T>(promise: Promise<T>) {
  const seen: { settled: boolean; value?: T } = { settled: false };
  promise.then((value) => {
    seen.settled = true;
    seen.value = value;
  });
  return seen;
}

function gate(options: Partial<GateOptions> = {}) {
  const ledger = memoryLedger();
  const fetch = scriptedFetch(() => never<Response>());
  return { ledger, fetch, gate: createGate({ fetch, ledger, now: () => Date.now(), ...options }) };
}

describe('gate deadlines', () => {
  it('a fetch that never answers fails at the request deadline, not 1 ms before', async () => {
    const { gate: g, ledger, fetch } = gate();
    const seen = watch(g.get({ endpoint: ipify, deadlineMs: 1000 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(seen.settled).toBe(false);
    expect(fetch.calls[0]?.init.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual({ settled: true, value: { ok: false, problem: { code: 'timeout' } } });
    expect(fetch.calls[0]?.init.signal?.aborted).toBe(true);
    expect(ledger.entries).toMatchObject([{ problem: 'timeout', ms: 1000 }]);
  });

  it('without a request deadline, the gate default applies; without that, 5 s', async () => {
    const configured = gate({ deadlineMs: 2000 });
    const a = watch(configured.gate.get({ endpoint: ipify }));
    const builtIn = gate();
    const b = watch(builtIn.gate.get({ endpoint: ipify }));
    await vi.advanceTimersByTimeAsync(1999);
    expect(a.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(a.value).toEqual({ ok: false, problem: { code: 'timeout' } });
    await vi.advanceTimersByTimeAsync(2999);
    expect(b.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.value).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('a nonsense request deadline falls back to the default; a huge one is capped at 120 s', async () => {
    const { gate: g } = gate({ deadlineMs: 2000 });
    const nan = watch(g.get({ endpoint: ipify, deadlineMs: Number.NaN }));
    const huge = watch(g.get({ endpoint: ipify, deadlineMs: 10_000_000 }));
    await vi.advanceTimersByTimeAsync(1999);
    expect(nan.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(nan.settled).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000 - 2000 - 1);
    expect(huge.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(huge.value).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('one deadline covers headers and body: a body stalling after 600 ms of headers fails at 1000 ms', async () => {
    const { stream, state } = stallingStream(new Uint8Array([0x7b]));
    const fetch = scriptedFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response(stream)), 600)));
    const { gate: g, ledger } = gate({ fetch });
    const seen = watch(g.get({ endpoint: ipify, deadlineMs: 1000 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(seen.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.value).toEqual({ ok: false, problem: { code: 'timeout' }, status: 200 });
    expect(state.cancelled).toBe(true);
    expect(ledger.entries).toMatchObject([{ problem: 'timeout', bytesIn: 1, status: 200, ms: 1000 }]);
  });

  it('a DNS lookup that never answers fails at the gate deadline', async () => {
    const resolve: DnsResolver = () => never();
    const { gate: g, ledger } = gate({ resolve, deadlineMs: 3000 });
    const seen = watch(g.resolve(akamai));
    await vi.advanceTimersByTimeAsync(2999);
    expect(seen.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.value).toEqual({ ok: false, problem: { code: 'timeout' } });
    expect(ledger.entries).toMatchObject([{ method: 'DNS', problem: 'timeout', ms: 3000 }]);
  });

  it('a DNS lookup without a gate deadline gets 5 s', async () => {
    const { gate: g } = gate({ resolve: () => never() });
    const seen = watch(g.resolve(akamai));
    await vi.advanceTimersByTimeAsync(4999);
    expect(seen.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen.value).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('an answer just before the deadline is an answer', async () => {
    const fetch = scriptedFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(new Response('ok')), 999)));
    const { gate: g } = gate({ fetch });
    const seen = watch(g.get({ endpoint: ipify, deadlineMs: 1000 }));
    await vi.advanceTimersByTimeAsync(999);
    expect(seen.value).toEqual({ ok: true, status: 200, contentType: 'text/plain;charset=UTF-8', body: 'ok' });
  });
});

describe('startDeadline', () => {
  it('expires at ms, aborting its signal and rejecting races', async () => {
    const d = startDeadline(500);
    const race = d.race(never<string>());
    const outcome = watch(race.catch((e: DOMException) => `${e.name}:${e.message}`));
    await vi.advanceTimersByTimeAsync(499);
    expect([d.expired(), d.signal.aborted, outcome.settled]).toEqual([false, false, false]);
    await vi.advanceTimersByTimeAsync(1);
    expect([d.expired(), d.signal.aborted]).toEqual([true, true]);
    expect(outcome.value).toBe('AbortError:deadline');
  });

  it("the caller's abort stops it at once, and is not an expiry", async () => {
    const caller = new AbortController();
    const d = startDeadline(500, caller.signal);
    const outcome = watch(d.race(never<string>()).catch(() => 'aborted'));
    caller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect([d.expired(), d.signal.aborted, outcome.value]).toEqual([false, true, 'aborted']);
  });

  it('an already aborted caller aborts it from the start', () => {
    const caller = new AbortController();
    caller.abort();
    const d = startDeadline(500, caller.signal);
    expect([d.expired(), d.signal.aborted]).toEqual([false, true]);
  });

  it('a race that settles first wins', async () => {
    const d = startDeadline(500);
    await expect(d.race(Promise.resolve('done'))).resolves.toBe('done');
    await expect(d.race(Promise.reject(new Error('own')))).rejects.toThrow('own');
    d.dispose();
  });

  it('after dispose, neither the timer nor the caller aborts it', async () => {
    const caller = new AbortController();
    const d = startDeadline(500, caller.signal);
    d.dispose();
    caller.abort();
    await vi.advanceTimersByTimeAsync(1000);
    expect([d.expired(), d.signal.aborted]).toEqual([false, false]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
