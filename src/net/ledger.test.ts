import { describe, expect, it } from 'vitest';
import { createLedger, taggedSink } from './ledger';
import type { LedgerEntry } from './types';

const entry = (i: number): LedgerEntry => ({
  time: i,
  endpointId: `e${i}`,
  url: 'https://api4.ipify.org/?format=json',
  host: 'api4.ipify.org',
  method: 'GET',
  bytesOut: 10,
  bytesIn: 20,
  status: 200,
  problem: null,
  ms: 5,
});

describe('createLedger', () => {
  it('keeps only the most recent entries, oldest first', () => {
    const ledger = createLedger(3);
    for (let i = 0; i < 5; i++) ledger.record(entry(i));
    expect(ledger.entries().map((e) => e.time)).toEqual([2, 3, 4]);
    expect(createLedger().entries()).toEqual([]);
  });

  it('defaults to 500 entries', () => {
    const ledger = createLedger();
    for (let i = 0; i < 600; i++) ledger.record(entry(i));
    expect(ledger.entries()).toHaveLength(500);
    expect(ledger.entries()[0]?.time).toBe(100);
  });

  it('stores a copy the caller cannot rewrite later', () => {
    const ledger = createLedger();
    const e = { ...entry(1) };
    ledger.record(e);
    e.ms = 999;
    expect(ledger.entries()[0]?.ms).toBe(5);
    const snapshot = ledger.entries() as LedgerEntry[];
    snapshot.pop();
    expect(ledger.entries()).toHaveLength(1);
  });

  it('notifies subscribers until they unsubscribe, despite a throwing one', () => {
    const ledger = createLedger();
    const seen: number[] = [];
    ledger.subscribe(() => {
      throw new Error('broken');
    });
    const off = ledger.subscribe((e) => seen.push(e.time));
    ledger.record(entry(1));
    off();
    ledger.record(entry(2));
    expect(seen).toEqual([1]);
    expect(ledger.entries()).toHaveLength(2);
  });

  it('a limit that is not a positive integer means the default', () => {
    for (const limit of [0, -1, 2.5, Number.NaN]) {
      const ledger = createLedger(limit);
      for (let i = 0; i < 4; i++) ledger.record(entry(i));
      expect(
        ledger.entries().map((e) => e.time),
        String(limit),
      ).toEqual([0, 1, 2, 3]);
    }
  });
});

describe('taggedSink', () => {
  it('records each entry in the sink with its cause', () => {
    const ledger = createLedger();
    taggedSink(ledger, 'monitor:network').record(entry(1));
    expect(ledger.entries()).toEqual([{ ...entry(1), cause: 'monitor:network' }]);
  });
});
