import { describe, expect, it } from 'vitest';
import { readAnswer, resolveOnce, validFlags } from './dns-resolve';

describe('validFlags', () => {
  it('at most 8 lowercase flags', () => {
    expect(validFlags([])).toBe(true);
    expect(validFlags(['bypass_cache', 'canonical_name'])).toBe(true);
    expect(validFlags(Array(8).fill('a'))).toBe(true);
    expect(validFlags(Array(9).fill('a'))).toBe(false);
    expect(validFlags(['a'.repeat(32)])).toBe(true);
    for (const bad of ['', 'a'.repeat(33), 'A', 'a-b', 'a b', ' a']) expect(validFlags([bad]), bad).toBe(false);
    expect(validFlags([1 as unknown as string])).toBe(false);
    // An array stringifies to its element: only real strings are flags.
    expect(validFlags([['bypass_cache'] as unknown as string])).toBe(false);
    expect(validFlags(['ok', 'BAD'])).toBe(false);
  });
});

describe('readAnswer', () => {
  it('takes up to 64 addresses of up to 64 characters, and isTRR', () => {
    expect(readAnswer({ addresses: ['1.2.3.4'], isTRR: false, extra: 1 })).toEqual({
      ok: true,
      answer: { addresses: ['1.2.3.4'], isTRR: false },
    });
    const many = Array.from({ length: 64 }, (_, i) => `10.0.0.${i}`);
    expect(readAnswer({ addresses: many, isTRR: true })).toEqual({ ok: true, answer: { addresses: many, isTRR: true } });
    expect(readAnswer({ addresses: ['a'.repeat(64)], isTRR: true })).toMatchObject({ ok: true });
    expect(readAnswer({ addresses: [], isTRR: true })).toEqual({ ok: true, answer: { addresses: [], isTRR: true } });
  });

  it('refuses what is not an answer, saying which part', () => {
    const bad = (detail: string) => ({ ok: false, problem: { code: 'bad-shape', detail } });
    for (const raw of [null, undefined, 'x', 42, true]) expect(readAnswer(raw)).toEqual(bad('answer'));
    expect(readAnswer({ isTRR: true })).toEqual(bad('addresses'));
    expect(readAnswer({ addresses: 'x', isTRR: true })).toEqual(bad('addresses'));
    expect(readAnswer({ addresses: Array(65).fill('1.1.1.1'), isTRR: true })).toEqual(bad('addresses'));
    expect(readAnswer({ addresses: ['a'.repeat(65)], isTRR: true })).toEqual(bad('addresses'));
    expect(readAnswer({ addresses: [4], isTRR: true })).toEqual(bad('addresses'));
    expect(readAnswer({ addresses: ['1.1.1.1', null], isTRR: true })).toEqual(bad('addresses'));
    expect(readAnswer({ addresses: [] })).toEqual(bad('isTRR'));
    expect(readAnswer({ addresses: [], isTRR: 'yes' })).toEqual(bad('isTRR'));
  });

  it('copies the addresses', () => {
    const addresses = ['1.1.1.1'];
    const res = readAnswer({ addresses, isTRR: false });
    addresses.push('2.2.2.2');
    expect(res).toEqual({ ok: true, answer: { addresses: ['1.1.1.1'], isTRR: false } });
  });
});

describe('resolveOnce errors', () => {
  const failWith = (error: unknown) => resolveOnce(() => Promise.reject(error), 'a.example', [], 1000);

  it('NS_ERROR names: a proxy is blocked, others unreachable with the name', async () => {
    expect(await failWith(new Error('NS_ERROR_UNKNOWN_PROXY_HOST'))).toEqual({
      ok: false,
      problem: { code: 'blocked', detail: 'NS_ERROR_UNKNOWN_PROXY_HOST' },
    });
    expect(await failWith('Error: NS_ERROR_UNKNOWN_HOST')).toEqual({
      ok: false,
      problem: { code: 'unreachable', detail: 'NS_ERROR_UNKNOWN_HOST' },
    });
    expect(await failWith(new Error('NS_ERROR_OFFLINE'))).toEqual({
      ok: false,
      problem: { code: 'unreachable', detail: 'NS_ERROR_OFFLINE' },
    });
  });

  it('without a name: unreachable, or what the error says', async () => {
    expect(await failWith(new Error('boom'))).toEqual({ ok: false, problem: { code: 'unreachable' } });
    expect(await failWith({ message: 'NS_ERROR_OFFLINE' })).toEqual({ ok: false, problem: { code: 'unreachable' } });
    expect(await failWith({ toString: () => 'NS_ERROR_UNKNOWN_PROXY_HOST' })).toEqual({ ok: false, problem: { code: 'unreachable' } });
    expect(await failWith(new DOMException('NS_ERROR_OFFLINE', 'SecurityError'))).toEqual({
      ok: false,
      problem: { code: 'blocked', detail: 'SecurityError' },
    });
    expect(await failWith(new DOMException('x', 'AbortError'))).toEqual({ ok: false, problem: { code: 'timeout' } });
  });

  it('passes a copy of the flags and the host', async () => {
    const seen: unknown[] = [];
    const flags = ['bypass_cache'];
    const res = await resolveOnce(
      async (host, f) => {
        seen.push(host, f, f === flags);
        return { addresses: [], isTRR: false };
      },
      'h.example',
      flags,
      1000,
    );
    expect(res).toEqual({ ok: true, answer: { addresses: [], isTRR: false } });
    expect(seen).toEqual(['h.example', ['bypass_cache'], false]);
  });
});
