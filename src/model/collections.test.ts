import { describe, expect, it } from 'vitest';
import { distinct, unionBy, uniqueBy } from './collections';

describe('distinct', () => {
  it('keeps each item once, in first-seen order', () => {
    expect(distinct(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
    expect(distinct([3, 1, 3, 3, 2])).toEqual([3, 1, 2]);
  });

  it('takes any iterable and returns a new array', () => {
    expect(distinct(new Set(['x', 'y']))).toEqual(['x', 'y']);
    expect(
      distinct(
        (function* () {
          yield 1;
          yield 1;
          yield 2;
        })(),
      ),
    ).toEqual([1, 2]);
    const input = ['a'];
    const out = distinct(input);
    expect(out).not.toBe(input);
    expect(distinct([])).toEqual([]);
  });
});

describe('uniqueBy', () => {
  const rows = [
    { id: 'a', n: 1 },
    { id: 'b', n: 2 },
    { id: 'a', n: 3 },
    { id: 'c', n: 4 },
    { id: 'b', n: 5 },
  ];

  it('keeps the first item per key, in order', () => {
    expect(uniqueBy(rows, (r) => r.id)).toEqual([
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
      { id: 'c', n: 4 },
    ]);
  });

  it('keeps everything when keys differ, nothing from nothing', () => {
    expect(uniqueBy(rows, (r) => String(r.n)).map((r) => r.n)).toEqual([1, 2, 3, 4, 5]);
    expect(uniqueBy([], (r: string) => r)).toEqual([]);
  });

  it('calls the key once per item', () => {
    const keys: string[] = [];
    uniqueBy(rows, (r) => {
      keys.push(r.id);
      return r.id;
    });
    expect(keys).toEqual(['a', 'b', 'a', 'c', 'b']);
  });
});

describe('unionBy', () => {
  const sum = (kept: { k: string; n: number }, next: { k: string; n: number }) => ({ k: kept.k, n: kept.n * 10 + next.n });

  it('folds items with one key left to right, keys in first-seen order', () => {
    const items = [
      { k: 'x', n: 1 },
      { k: 'y', n: 2 },
      { k: 'x', n: 3 },
      { k: 'x', n: 4 },
    ];
    expect(unionBy(items, (i) => i.k, sum)).toEqual([
      { k: 'x', n: 134 },
      { k: 'y', n: 2 },
    ]);
  });

  it('a single item per key is kept as is, without calling merge', () => {
    const one = { k: 'x', n: 1 };
    let merges = 0;
    const out = unionBy(
      [one],
      (i) => i.k,
      (a) => {
        merges += 1;
        return a;
      },
    );
    expect(out).toEqual([one]);
    expect(out[0]).toBe(one);
    expect(merges).toBe(0);
    expect(
      unionBy(
        [],
        (i: { k: string }) => i.k,
        (a) => a,
      ),
    ).toEqual([]);
  });

  it('passes the kept value first and the newcomer second', () => {
    const calls: [number, number][] = [];
    unionBy(
      [
        { k: 'x', n: 1 },
        { k: 'x', n: 2 },
      ],
      (i) => i.k,
      (kept, next) => {
        calls.push([kept.n, next.n]);
        return kept;
      },
    );
    expect(calls).toEqual([[1, 2]]);
  });
});
