import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesFromTokens, type RandomBytes, randomToken, uuidV4 } from './tokens';

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Feeds the given bytes in order, cycling. */
function scripted(bytes: readonly number[]): RandomBytes {
  let i = 0;
  return (n) => Uint8Array.from({ length: n }, () => bytes[i++ % bytes.length] ?? 0);
}

describe('randomToken', () => {
  it('is 32 lowercase [a-z0-9] chars by default and a valid DNS label', () => {
    const t = randomToken();
    expect(t).toMatch(/^[a-z0-9]{32}$/);
    expect(t).toMatch(LABEL);
  });

  it('maps bytes below 252 by value mod 36 and skips the rest (no modulo bias)', () => {
    expect(randomToken(4, scripted([0, 252, 255, 35, 36, 251]))).toBe('a9a9');
  });

  it('gives each character the same chance over every byte value', () => {
    // One pass over the accepted bytes 0..251 yields each of the 36 characters exactly 7 times.
    const pass = Array.from({ length: 252 }, (_, i) => i);
    const all = Array.from({ length: 4 }, (_, k) => randomToken(63, scripted(pass.slice(k * 63, k * 63 + 63)))).join('');
    const tally = new Map<string, number>();
    for (const ch of all) tally.set(ch, (tally.get(ch) ?? 0) + 1);
    expect(tally.size).toBe(36);
    expect([...tally.values()]).toEqual(Array(36).fill(7));
  });

  it('rejects lengths that are not one DNS label', () => {
    for (const n of [0, 64, 1.5, -1, Number.NaN]) expect(() => randomToken(n)).toThrow(RangeError);
  });

  it('gives up on a byte source that never yields usable bytes, instead of looping forever', () => {
    expect(() => randomToken(8, () => new Uint8Array(64).fill(255))).toThrow();
    expect(() => randomToken(8, () => new Uint8Array(0))).toThrow();
  });

  it('always yields a valid label of the asked length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 63 }), fc.uint8Array({ minLength: 1, maxLength: 64 }), (n, seed) => {
        fc.pre(seed.some((b) => b < 252));
        const t = randomToken(n, scripted([...seed]));
        expect(t).toHaveLength(n);
        expect(t).toMatch(LABEL);
      }),
    );
  });
});

describe('uuidV4', () => {
  it('sets the version and variant bits and formats lowercase', () => {
    expect(uuidV4(() => new Uint8Array(16).fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(uuidV4(() => new Uint8Array(16))).toBe('00000000-0000-4000-8000-000000000000');
    const u = uuidV4();
    expect(u).toMatch(UUID);
    expect(u).toMatch(LABEL);
    expect(uuidV4()).not.toBe(u);
  });
});

describe('bytesFromTokens', () => {
  it('turns [a-z0-5] characters into nibbles and drops 6–9', () => {
    const bytes = bytesFromTokens(() => 'ab9c6f'.padEnd(32, 'a'))(2);
    // a=0 b=1 c=2 f=5; '9' and '6' are dropped.
    expect([...bytes]).toEqual([0x01, 0x25]);
  });

  it('feeds uuidV4 from an injected token source', () => {
    const u = uuidV4(bytesFromTokens((n) => randomToken(n)));
    expect(u).toMatch(UUID);
  });

  it('gives up on a token source without usable characters', () => {
    expect(() => bytesFromTokens(() => '9'.repeat(32))(4)).toThrow();
  });
});
