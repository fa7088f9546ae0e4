import { describe, expect, it, vi } from 'vitest';
import { observedKey, SESSION_KEYS } from '../ext/storage-keys';
import { MESSAGE_TYPES } from '../model';
import { type CollectApi, collect } from './collect';
import { fakeSession } from './fakes';
import type { Observation } from './types';

const violation = (time: number, context: Observation['context'] = 'popup'): Observation => ({
  kind: 'violation',
  time,
  context,
  blockedURI: 'https://x.example/',
  violatedDirective: 'connect-src',
});

function api(over: Partial<CollectApi> = {}): CollectApi {
  return {
    session: fakeSession({ [observedKey('popup')]: [violation(2)], [SESSION_KEYS.ledger]: [] }),
    local: { get: async () => ({ settings: {}, lastResult: {} }) },
    sync: { get: async () => ({}) },
    target: 'firefox',
    getManifest: () => ({ permissions: ['storage', 'dns'] }),
    sendMessage: async () => [violation(1, 'background'), violation(2)],
    ...over,
  };
}

describe('collect', () => {
  it('reads the ledger only after the background answered (it answers once its ledger is stored)', async () => {
    const session = fakeSession({ [SESSION_KEYS.ledger]: [] });
    const entry = { time: 1, endpointId: 'ipify-ipv4', url: 'https://api4.ipify.org/?format=json', host: 'api4.ipify.org', method: 'GET' };
    const sendMessage = async () => {
      session.data[SESSION_KEYS.ledger] = [entry];
      return [];
    };
    const inputs = await collect(api({ session, sendMessage }));
    expect(inputs.ledger.map((e) => e.url)).toEqual([entry.url]);
  });

  it('merges stored, background and own observations once each, oldest first', async () => {
    const send = vi.fn(async () => [violation(1, 'background'), violation(2)]);
    const inputs = await collect(api({ sendMessage: send }), [violation(3, 'audit')]);
    expect(send).toHaveBeenCalledWith({ type: MESSAGE_TYPES.observed });
    expect(inputs.observations.map((o) => `${o.context}@${o.time}`)).toEqual(['background@1', 'popup@2', 'audit@3']);
    expect(inputs.stored).toEqual({ local: ['lastResult', 'settings'], session: [SESSION_KEYS.ledger, observedKey('popup')], sync: [] });
    expect(inputs.manifest).toEqual({ permissions: ['storage', 'dns'] });
    expect(inputs.target).toBe('firefox');
  });

  it('carries on when the background does not answer, answers junk, or never answers', async () => {
    vi.useFakeTimers();
    try {
      for (const sendMessage of [
        async () => Promise.reject(new Error('Could not establish connection')),
        async () => 'nonsense',
        () => new Promise<unknown>(() => undefined),
      ]) {
        const pending = collect(api({ sendMessage }));
        await vi.advanceTimersByTimeAsync(2000);
        expect((await pending).observations).toEqual([violation(2)]);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('works without storage.session, and reports sync contents', async () => {
    const inputs = await collect(api({ session: null, sync: { get: async () => ({ a: 1 }) }, sendMessage: async () => [] }));
    expect(inputs.ledger).toEqual([]);
    expect(inputs.stored.sync).toEqual(['a']);
  });

  it('an unreadable manifest becomes an empty one (which fails the manifest checks)', async () => {
    const inputs = await collect(
      api({
        getManifest: () => {
          throw new Error('no');
        },
      }),
    );
    expect(inputs.manifest).toEqual({});
  });
});
