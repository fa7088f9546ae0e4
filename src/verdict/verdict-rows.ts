// Test support (used by the verdict's table tests only): one row is a situation, its level and its reasons.
import { expect } from 'vitest';
import type { CheckResults, IpMeta, ReasonCode, VerdictLevel } from '../model';
import { decide } from '.';
import { CLEAN, EXIT4, EXIT6, ip, M247 } from './fixtures';

export interface Row {
  readonly name: string;
  readonly patch: Partial<CheckResults>;
  readonly level: VerdictLevel;
  readonly codes: readonly ReasonCode[];
  readonly params?: readonly (readonly string[])[];
}

export const v6 = (meta: IpMeta = M247) => ip(6, EXIT6, meta);
export const v4 = (meta: IpMeta = M247) => ip(4, EXIT4, meta);

/** The base check (the clean one unless given) with the row's facts changed: its level and reasons, in order. */
export function expectRow({ patch, level, codes, params }: Row, base: CheckResults = CLEAN): void {
  const verdict = decide({ ...base, ...patch });
  expect(verdict.level).toBe(level);
  expect(verdict.reasons.map((r) => r.code)).toEqual(codes);
  if (params) expect(verdict.reasons.map((r) => r.params)).toEqual(params);
}
