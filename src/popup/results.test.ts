import { describe, expect, it } from 'vitest';
import type { CheckResults, Verdict } from '../model';
import { failPending, isSettled, PENDING } from '../model';
import { CLEAN, CLEAN_VERDICT, LEAK_VERDICT } from './fixtures';
import { verdictFor } from './results';

const partial: CheckResults = { ...PENDING, ipv4: CLEAN.ipv4 };

describe('verdictFor', () => {
  it('waits while probes are pending, unless a leak is already certain', () => {
    expect(verdictFor(partial, () => CLEAN_VERDICT)).toBeNull();
    expect(verdictFor(partial, () => LEAK_VERDICT)).toBe(LEAK_VERDICT);
    expect(verdictFor(CLEAN, () => CLEAN_VERDICT)).toBe(CLEAN_VERDICT);
  });

  it('says "can\'t tell" when decide() throws on settled results, and keeps waiting otherwise', () => {
    const broken = (): Verdict => {
      throw new Error('bug');
    };
    expect(verdictFor(CLEAN, broken)).toEqual({ level: 'unknown', reasons: [] });
    expect(verdictFor(partial, broken)).toBeNull();
  });
});

describe('verdictFor, provisional sections', () => {
  const provisional: CheckResults = {
    ...CLEAN,
    dns: CLEAN.dns.state === 'done' ? { state: 'partial', result: CLEAN.dns.result, answered: 2, waiting: ['bashws-result'] } : CLEAN.dns,
  };
  it('shows no verdict but a leak while a section is provisional', () => {
    expect(isSettled(provisional)).toBe(false);
    expect(verdictFor(provisional, () => CLEAN_VERDICT)).toBeNull();
    expect(verdictFor(provisional, () => LEAK_VERDICT)).toBe(LEAK_VERDICT);
  });
  it('a run cut off keeps a provisional section as what had arrived', () => {
    const settled = failPending(provisional);
    expect(settled.dns).toEqual({ state: 'done', result: provisional.dns.state === 'partial' ? provisional.dns.result : null });
    expect(isSettled(settled)).toBe(true);
  });
});

describe('settle', () => {
  it('turns what is still pending into an internal failure and keeps the rest', () => {
    const settled = failPending(partial);
    expect(isSettled(partial)).toBe(false);
    expect(isSettled(settled)).toBe(true);
    expect(settled.ipv4).toBe(CLEAN.ipv4);
    expect(settled.dns).toEqual({ state: 'failed', problem: { code: 'internal' } });
  });
});
