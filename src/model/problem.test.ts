import { describe, expect, it } from 'vitest';
import { fail, MAX_DETAIL, ok, PROBLEM_CODES, problem } from './problem';

describe('problems', () => {
  it('every code, in order', () => {
    expect(PROBLEM_CODES).toEqual([
      'unreachable',
      'timeout',
      'http-status',
      'rate-limited',
      'too-large',
      'not-json',
      'bad-shape',
      'not-an-ip',
      'wrong-family',
      'not-public',
      'blocked',
      'unavailable',
      'internal',
    ]);
  });

  it('a problem has a detail only when given one, cut at 80 characters', () => {
    expect(MAX_DETAIL).toBe(80);
    expect(problem('timeout')).toEqual({ code: 'timeout' });
    expect(Object.keys(problem('timeout'))).toEqual(['code']);
    expect(problem('http-status', '503')).toEqual({ code: 'http-status', detail: '503' });
    expect(problem('bad-shape', '')).toEqual({ code: 'bad-shape', detail: '' });
    expect(problem('bad-shape', 'x'.repeat(80)).detail).toBe('x'.repeat(80));
    expect(problem('bad-shape', `${'x'.repeat(80)}yz`).detail).toBe('x'.repeat(80));
  });

  it('ok and fail build outcomes', () => {
    expect(ok(5)).toEqual({ ok: true, value: 5 });
    expect(fail('not-json')).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(fail('wrong-family', 'IPv6')).toEqual({ ok: false, problem: { code: 'wrong-family', detail: 'IPv6' } });
  });
});
