import { describe, expect, it } from 'vitest';
import type { Observation } from '../audit/types';
import { answerMessage, fromOwnExtension } from './answer';

const seen: Observation[] = [
  { kind: 'violation', time: 1, context: 'background', blockedURI: 'https://x.example/', violatedDirective: 'connect-src' },
];

describe('background answer', () => {
  it('answers audit:observed with its live observations', async () => {
    await expect(answerMessage({ type: 'audit:observed' }, () => seen)).resolves.toEqual(seen);
  });

  it('leaves every other message unanswered', () => {
    for (const message of [{ type: 'run' }, { type: 'test:rogue' }, 'audit:observed', null, undefined, 42]) {
      expect(answerMessage(message, () => seen)).toBeUndefined();
    }
  });

  it('answers only after the ledger is stored', async () => {
    const order: string[] = [];
    const settled = async () => {
      await Promise.resolve();
      order.push('stored');
    };
    const observed = () => {
      order.push('answered');
      return [];
    };
    await answerMessage({ type: 'audit:observed' }, observed, settled);
    expect(order).toEqual(['stored', 'answered']);
  });

  it('hears only this extension: a sender without an id, or with another, is ignored', () => {
    expect(fromOwnExtension({ id: 'own' }, 'own')).toBe(true);
    expect(fromOwnExtension({ id: 'other' }, 'own')).toBe(false);
    expect(fromOwnExtension({}, 'own')).toBe(false);
    expect(fromOwnExtension(undefined, 'own')).toBe(false);
    expect(fromOwnExtension({ id: 'own' }, undefined)).toBe(false);
  });
});
