import { describe, expect, it } from 'vitest';
import { readAuditSummary } from './messages';

describe('readAuditSummary', () => {
  it('takes a well-formed summary as it is', () => {
    expect(readAuditSummary({ requests: 12, findings: 0, pass: true })).toEqual({ requests: 12, findings: 0, pass: true });
    expect(readAuditSummary({ requests: 0, findings: 3, pass: false, extra: 'x' })).toEqual({ requests: 0, findings: 3, pass: false });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an array', [12, 0, true]],
    ['a negative count', { requests: -1, findings: 0, pass: true }],
    ['a fractional count', { requests: 1.5, findings: 0, pass: true }],
    ['a string count', { requests: '12', findings: 0, pass: true }],
    ['negative findings', { requests: 1, findings: -2, pass: true }],
    ['a missing verdict', { requests: 1, findings: 0 }],
    ['a truthy non-boolean verdict', { requests: 1, findings: 0, pass: 'yes' }],
    ['an unsafe count', { requests: 2 ** 53, findings: 0, pass: true }],
  ])('refuses %s', (_, raw) => {
    expect(() => readAuditSummary(raw)).toThrow('malformed audit summary');
  });
});
