import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_MONITOR_STATE, type FamilyView, type MonitorSnapshot, type VerdictLevel } from '../model';
import { absent, ip } from '../verdict/fixtures';
import { compareCheap, describeChanges, familyView, shouldNotify, stateKey } from './change';
import { applySnapshot } from './engine';
import { HOME4, HOME6, snap, VPN4, VPN6 } from './fixtures';

const CLEAN = snap(VPN4, VPN6, 'clean');
const cheap = (v4: FamilyView, v6: FamilyView, leaks: string[] = []) => ({ v4, v6, leaks });

describe('familyView', () => {
  it.each([
    ['an address', ip(4, '1.2.3.4', { country: 'DE', organization: 'ISP' }), 4, { ip: '1.2.3.4', country: 'DE', organization: 'ISP' }],
    ['absent IPv6', absent(6), 6, 'absent'],
    ['absent IPv4 is not an answer', absent(4), 4, null],
    ['no provider answered', ip(6, null), 6, null],
    ['failed', { state: 'failed', problem: { code: 'timeout' } } as const, 4, null],
  ] as const)('%s', (_, state, family, expected) => {
    expect(familyView(state, family)).toEqual(expected);
  });
});

describe('compareCheap: what calls for a full check', () => {
  it.each<[string, MonitorSnapshot | null, ReturnType<typeof cheap>, string]>([
    ['no snapshot yet', null, cheap(VPN4, VPN6), 'changed'],
    ['the same addresses', CLEAN, cheap(VPN4, VPN6), 'same'],
    ['the same address with other metadata', CLEAN, cheap({ ip: VPN4.ip }, VPN6), 'same'],
    ['IPv4 changed', CLEAN, cheap(HOME4, VPN6), 'changed'],
    ['IPv6 changed', CLEAN, cheap(VPN4, HOME6), 'changed'],
    ['IPv6 appeared', snap(VPN4, 'absent', 'clean'), cheap(VPN4, HOME6), 'changed'],
    ['IPv6 went away', CLEAN, cheap(VPN4, 'absent'), 'changed'],
    ['an IP-only leak appeared', CLEAN, cheap(VPN4, VPN6, ['ipv6-other-network:a,b']), 'changed'],
    ['IPv4 provider failed', CLEAN, cheap(null, VPN6), 'cant-tell'],
    ['IPv6 provider failed', CLEAN, cheap(VPN4, null), 'cant-tell'],
    ['the last full check could not tell', snap(VPN4, VPN6, 'unknown'), cheap(VPN4, VPN6), 'changed'],
    ['the last snapshot had an unknown family', snap(VPN4, null, 'clean'), cheap(VPN4, VPN6), 'changed'],
  ])('%s → %s', (_, previous, result, expected) => {
    expect(compareCheap(previous, result)).toBe(expected);
  });
});

describe('describeChanges', () => {
  it('the first snapshot is no change', () => {
    expect(describeChanges(null, CLEAN)).toEqual([]);
  });

  it('the same state is no change, whatever the time', () => {
    expect(describeChanges(CLEAN, { ...CLEAN, time: 99_999 })).toEqual([]);
  });

  it('VPN dropped: the level and the address, old → new', () => {
    const leak = snap(HOME4, VPN6, 'leak', { leaks: ['ipv6-other-network:Example VPN,Home ISP'] });
    expect(describeChanges(CLEAN, leak)).toEqual([
      { kind: 'level', from: 'clean', to: 'leak' },
      { kind: 'ip', family: 4, from: VPN4, to: HOME4 },
    ]);
  });

  it('IPv6 moving outside the VPN says so', () => {
    const leak = snap(VPN4, HOME6, 'leak', { leaks: ['ipv6-other-network:Home ISP,Example VPN'] });
    expect(describeChanges(CLEAN, leak)).toEqual([
      { kind: 'level', from: 'clean', to: 'leak' },
      { kind: 'ip', family: 6, from: VPN6, to: HOME6 },
      { kind: 'ipv6-outside', ip: HOME6.ip },
    ]);
  });

  it('new resolvers', () => {
    const before = { ...CLEAN, resolvers: ['10.64.0.1 (Example VPN)'] };
    const after = { ...CLEAN, resolvers: ['84.171.20.1 (Home ISP)'] };
    expect(describeChanges(before, after)).toEqual([{ kind: 'dns', resolvers: ['84.171.20.1 (Home ISP)'] }]);
  });

  it('"can\'t tell" on either side is never news', () => {
    expect(describeChanges(CLEAN, snap(VPN4, VPN6, 'unknown'))).toEqual([]);
    expect(describeChanges(snap(null, VPN6, 'unknown'), CLEAN)).toEqual([]);
  });
});

describe('notifications: one per change, never twice for a state', () => {
  it('notifies a change, not a repeat, not a "can\'t tell"', () => {
    const leak = snap(HOME4, VPN6, 'leak');
    const changes = describeChanges(CLEAN, leak);
    expect(shouldNotify(changes, leak, stateKey(CLEAN))).toBe(true);
    expect(shouldNotify(changes, leak, stateKey(leak))).toBe(false);
    expect(shouldNotify([], leak, null)).toBe(false);
    expect(shouldNotify(changes, snap(HOME4, VPN6, 'unknown'), null)).toBe(false);
  });

  const exits4 = [VPN4, HOME4, null] as const;
  const exits6 = [VPN6, HOME6, 'absent', null] as const;
  const levels: VerdictLevel[] = ['clean', 'leak', 'unknown'];
  const snapshot = fc
    .record({
      v4: fc.constantFrom(...exits4),
      v6: fc.constantFrom(...exits6),
      level: fc.constantFrom(...levels),
      resolvers: fc.constantFrom([], ['10.64.0.1'], ['84.171.20.1']),
      time: fc.nat(),
    })
    .map(({ v4, v6, level, resolvers, time }) => snap(v4, v6, level, { resolvers, time }));

  it('property: over any sequence of states, no state is notified twice in a row, and only a change is notified', () => {
    fc.assert(
      fc.property(fc.array(snapshot, { maxLength: 40 }), (sequence) => {
        let state = EMPTY_MONITOR_STATE;
        let lastNotified: string | null = null;
        for (const next of sequence) {
          const previous = state.snapshot;
          const out = applySnapshot(state, next, 'alarm');
          if (out.notify) {
            expect(stateKey(next)).not.toBe(lastNotified);
            expect(out.changes.length).toBeGreaterThan(0);
            expect(previous && stateKey(previous)).not.toBe(stateKey(next));
            lastNotified = stateKey(next);
          }
          state = out.state;
        }
      }),
    );
  });

  it('property: repeating a state any number of times notifies at most once', () => {
    fc.assert(
      fc.property(snapshot, snapshot, fc.integer({ min: 1, max: 20 }), (first, repeated, times) => {
        let state = applySnapshot(EMPTY_MONITOR_STATE, first, 'alarm').state;
        let notified = 0;
        for (let i = 0; i < times; i++) {
          const out = applySnapshot(state, { ...repeated, time: repeated.time + i }, 'alarm');
          notified += out.notify ? 1 : 0;
          state = out.state;
        }
        expect(notified).toBeLessThanOrEqual(1);
      }),
    );
  });
});
