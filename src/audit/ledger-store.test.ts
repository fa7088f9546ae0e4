import { describe, expect, it, vi } from 'vitest';
import { SESSION_KEYS } from '../ext/storage-keys';
import { createLedger } from '../net/ledger';
import type { LedgerEntry } from '../net/types';
import { fakeSession } from './fakes';
import { persistLedger, readLedger } from './ledger-store';
import { boundedList } from './session-list';

const entry = (i: number): LedgerEntry => ({
  time: i,
  endpointId: 'ipify-ipv4',
  url: `https://api4.ipify.org/?format=json&i=${i}`,
  host: 'api4.ipify.org',
  method: 'GET',
  bytesOut: 1,
  bytesIn: 2,
  status: 200,
  problem: null,
  ms: 3,
});

describe('persistLedger', () => {
  it('copies every recorded entry to storage.session, in order, including those recorded before', async () => {
    const session = fakeSession();
    const ledger = createLedger();
    ledger.record(entry(0));
    const persisted = persistLedger(ledger, session);
    for (let i = 1; i < 6; i++) ledger.record(entry(i));
    await persisted.flush();
    const stored = await readLedger(session);
    expect(stored.map((e) => e.time)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(session.data[SESSION_KEYS.ledger]).toHaveLength(6);
  });

  it('appends to what earlier popups stored this session', async () => {
    const session = fakeSession({ [SESSION_KEYS.ledger]: [entry(100)] });
    const ledger = createLedger();
    const persisted = persistLedger(ledger, session);
    ledger.record(entry(101));
    await persisted.flush();
    expect((await readLedger(session)).map((e) => e.time)).toEqual([100, 101]);
  });

  it('stops copying once unsubscribed', async () => {
    const session = fakeSession();
    const ledger = createLedger();
    const persisted = persistLedger(ledger, session);
    ledger.record(entry(1));
    persisted.stop();
    ledger.record(entry(2));
    await persisted.flush();
    expect((await readLedger(session)).map((e) => e.time)).toEqual([1]);
  });

  it('drops stored values that are not ledger entries', async () => {
    const session = fakeSession({ [SESSION_KEYS.ledger]: [entry(1), { junk: true }, 'x'] });
    expect(await readLedger(session)).toHaveLength(1);
  });
});

describe('boundedList', () => {
  it('keeps the newest `limit` items', async () => {
    const session = fakeSession();
    const list = boundedList<number>(session, 'k', 3);
    for (let i = 0; i < 5; i++) void list.append(i);
    expect(await list.read()).toEqual([2, 3, 4]);
  });

  it('serialises appends, so concurrent ones are not lost', async () => {
    const session = fakeSession();
    const list = boundedList<number>(session, 'k');
    await Promise.all([1, 2, 3, 4].map((n) => list.append(n)));
    expect(session.data.k).toEqual([1, 2, 3, 4]);
  });

  it('writes the items appended in one turn with one read and one write, in order', async () => {
    const session = fakeSession();
    const get = vi.spyOn(session, 'get');
    const set = vi.spyOn(session, 'set');
    const list = boundedList<number>(session, 'k');
    for (let i = 0; i < 5; i++) void list.append(i);
    await list.flush();
    expect(get).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledTimes(1);
    expect(session.data.k).toEqual([0, 1, 2, 3, 4]);
  });

  it('gathers what arrives while a write is under way into the next write, and each append resolves once stored', async () => {
    const session = fakeSession({ k: [9] });
    const set = vi.spyOn(session, 'set');
    const list = boundedList<number>(session, 'k');
    const first = list.append(1);
    // Let the first write start (its set waits a tick), then append during it.
    await vi.waitFor(() => expect(set).toHaveBeenCalledTimes(1));
    const later = [list.append(2), list.append(3), list.append(4)];
    await first;
    expect(session.data.k).toEqual([9, 1]);
    await Promise.all(later);
    expect(session.data.k).toEqual([9, 1, 2, 3, 4]);
    expect(set).toHaveBeenCalledTimes(2);
  });

  it('gathers appends for gatherMs into one write, none before, and flush writes what is gathered at once', async () => {
    vi.useFakeTimers();
    const session = fakeSession();
    const set = vi.spyOn(session, 'set');
    const list = boundedList<number>(session, 'k', 500, 250);
    void list.append(1);
    await vi.advanceTimersByTimeAsync(249);
    void list.append(2);
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(set).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(session.data.k).toEqual([1, 2]);
    void list.append(3);
    const flushed = list.flush();
    await vi.advanceTimersByTimeAsync(1);
    await flushed;
    expect(session.data.k).toEqual([1, 2, 3]);
    expect(set).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('persists the ledger gathered, not one write per request', async () => {
    vi.useFakeTimers();
    const session = fakeSession();
    const set = vi.spyOn(session, 'set');
    const ledger = createLedger();
    const persisted = persistLedger(ledger, session);
    for (let i = 0; i < 30; i++) ledger.record(entry(i));
    await vi.advanceTimersByTimeAsync(249);
    expect(set).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2);
    await persisted.flush();
    expect(set).toHaveBeenCalledTimes(1);
    expect(session.data[SESSION_KEYS.ledger]).toHaveLength(30);
    vi.useRealTimers();
  });

  it('keeps items in memory without storage.session', async () => {
    const list = boundedList<number>(null, 'k', 2);
    await list.append(1);
    await list.append(2);
    await list.append(3);
    expect(await list.read()).toEqual([2, 3]);
  });

  it('starts empty in memory and hands out copies, so a reader cannot change what is kept', async () => {
    const list = boundedList<number>(null, 'k');
    await list.append(1);
    const got = await list.read();
    expect(got).toEqual([1]);
    got.push(99);
    expect(await list.read()).toEqual([1]);
  });

  it('reads as empty when storage cannot be read', async () => {
    const unreadable = { get: async () => Promise.reject(new Error('gone')), set: async () => undefined };
    expect(await boundedList<number>(unreadable, 'k').read()).toEqual([]);
  });

  it('survives a failing storage', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const broken = { get: async () => ({}), set: async () => Promise.reject(new Error('quota')) };
    const list = boundedList<number>(broken, 'k');
    await expect(list.append(1)).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});
