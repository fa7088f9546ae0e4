import { describe, expect, it } from 'vitest';
import type { Observation, Resolver } from '../../model';
import { mergeResolvers } from './merge';

type Obs = Observation<readonly Resolver[]>;
const answered = (endpointId: string, ...resolvers: Omit<Resolver, 'seenBy'>[]): Obs => ({
  endpointId,
  outcome: { ok: true, value: resolvers.map((r) => ({ ...r, seenBy: [endpointId] })) },
  ms: 5,
});
const failedObs = (endpointId: string): Obs => ({ endpointId, outcome: { ok: false, problem: { code: 'timeout' } }, ms: 5 });

const A = answered('leakless-dns', { ip: '185.65.135.1', country: 'CH' });
const B = answered('mullvad-dns', { ip: '89.246.1.1', organization: 'Vodafone' });
const C = answered('bashws-result', { ip: '2001:db8::53', asn: 64500 });
const EXPECTED: Resolver[] = [
  { ip: '185.65.135.1', country: 'CH', seenBy: ['leakless-dns'] },
  { ip: '89.246.1.1', organization: 'Vodafone', seenBy: ['mullvad-dns'] },
  { ip: '2001:db8::53', asn: 64500, seenBy: ['bashws-result'] },
];

describe('mergeResolvers', () => {
  it.each([
    ['first', [failedObs('x'), A, B, C]],
    ['in the middle', [A, failedObs('x'), B, C]],
    ['last', [A, B, C, failedObs('x')]],
    ['everywhere', [failedObs('x'), A, failedObs('y'), B, failedObs('z'), C, failedObs('w')]],
  ])('a failing provider %s drops no other provider’s resolvers', (_, observations) => {
    expect(mergeResolvers(observations)).toEqual(EXPECTED);
  });

  it('nothing from failures only, or from nothing', () => {
    expect(mergeResolvers([failedObs('x'), failedObs('y')])).toEqual([]);
    expect(mergeResolvers([])).toEqual([]);
  });

  it('one resolver per address: seenBy merged once each, the first provider’s metadata wins, gaps filled', () => {
    const merged = mergeResolvers([
      answered('leakless-dns', { ip: '185.65.135.1', country: 'CH' }),
      answered('mullvad-dns', { ip: '185.65.135.1', country: 'SE', organization: 'M247', asn: 9009 }),
      answered('leakless-dns', { ip: '185.65.135.1', organization: 'Other', asn: 1 }),
    ]);
    expect(merged).toEqual([
      { ip: '185.65.135.1', country: 'CH', organization: 'M247', asn: 9009, seenBy: ['leakless-dns', 'mullvad-dns'] },
    ]);
  });

  it('a resolver without metadata gets no empty keys, and a first provider without metadata takes the second’s', () => {
    expect(mergeResolvers([answered('a', { ip: '9.9.9.9' })])).toEqual([{ ip: '9.9.9.9', seenBy: ['a'] }]);
    expect(Object.keys(mergeResolvers([answered('a', { ip: '9.9.9.9' })])[0] ?? {})).toEqual(['ip', 'seenBy']);
    expect(
      mergeResolvers([answered('a', { ip: '9.9.9.9' }), answered('b', { ip: '9.9.9.9', country: 'CH', organization: 'Q', asn: 19281 })]),
    ).toEqual([{ ip: '9.9.9.9', country: 'CH', organization: 'Q', asn: 19281, seenBy: ['a', 'b'] }]);
  });

  it('duplicates inside one provider’s answer collapse too, keeping the provider once', () => {
    const twice: Obs = {
      endpointId: 'a',
      outcome: {
        ok: true,
        value: [
          { ip: '1.1.1.1', seenBy: ['a'] },
          { ip: '1.1.1.1', seenBy: ['a'] },
        ],
      },
      ms: 1,
    };
    expect(mergeResolvers([twice])).toEqual([{ ip: '1.1.1.1', seenBy: ['a'] }]);
  });
});
