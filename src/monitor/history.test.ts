import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../model';
import { appendHistory, historyJson, readHistory } from './history';

const entry = (time: number): HistoryEntry => ({ time, trigger: 'alarm', level: 'clean', changes: [] });

describe('history', () => {
  it('keeps the newest 200', () => {
    let list: HistoryEntry[] = [];
    for (let i = 0; i < 250; i++) list = appendHistory(list, entry(i));
    expect(list).toHaveLength(200);
    expect(list[0]?.time).toBe(50);
    expect(list.at(-1)?.time).toBe(249);
  });

  it('reads back only entries of ours', () => {
    expect(readHistory([entry(1), { time: 'x' }, null, { ...entry(2), trigger: 'evil' }, entry(3)])).toEqual([entry(1), entry(3)]);
    expect(readHistory('junk')).toEqual([]);
  });

  it('exports as JSON with the time of export', () => {
    const json = JSON.parse(historyJson([entry(1)], Date.UTC(2026, 0, 1)));
    expect(json).toEqual({ exportedAt: '2026-01-01T00:00:00.000Z', entries: [entry(1)] });
  });
});
