import { describe, expect, it } from 'vitest';
import { createConnectionCap } from './conncap.ts';

describe('createConnectionCap', () => {
  it('allows perSource open connections per key, and one more after each close', () => {
    const cap = createConnectionCap(2);
    expect([cap.open('a'), cap.open('a'), cap.open('a'), cap.open('b')]).toEqual([true, true, false, true]);
    expect(cap.sources).toBe(2);
    cap.close('a');
    expect([cap.open('a'), cap.open('a')]).toEqual([true, false]);
    cap.close('a');
    cap.close('a');
    cap.close('b');
    expect(cap.sources).toBe(0);
    cap.close('never');
    expect(cap.sources).toBe(0);
  });
});
