import { describe, expect, it } from 'vitest';
import { formatMessage } from './format';
import { createT, t } from './t';
import { messagesT } from './test-messages';

describe('t', () => {
  it('falls back to the key when a message is missing or the lookup throws', () => {
    expect(createT(() => undefined)('nope')).toBe('nope');
    expect(createT(() => '')('empty')).toBe('empty');
    expect(
      createT(() => {
        throw new Error('bad substitution');
      })('boom'),
    ).toBe('boom');
  });

  it('passes substitutions in order', () => {
    const seen: string[][] = [];
    const tt = createT((key, subs) => {
      seen.push(subs);
      return `${key}:${subs.join('|')}`;
    });
    expect(tt('k', 'a', 'b')).toBe('k:a|b');
    expect(seen).toEqual([['a', 'b']]);
  });

  it('answers with keys when the browser has no i18n (the unit-test polyfill mock)', () => {
    expect(t('levelLeak')).toBe('levelLeak');
  });
});

describe('formatMessage (Chrome substitution)', () => {
  it('fills named placeholders, direct $n and $$', () => {
    const entry = { message: 'A $Who$ paid $$5 to $2', placeholders: { who: { content: '$1' } } };
    expect(formatMessage(entry, ['Ann', 'Bob'])).toBe('A Ann paid $5 to Bob');
  });

  it('reads the real English messages', () => {
    expect(messagesT('en')('ipAgree', '2', '3')).toBe('2 of 3 providers agree');
  });
});
