import { describe, expect, it } from 'vitest';
import {
  approxBytesOut,
  clampLimit,
  DEFAULT_DEADLINE_MS,
  DEFAULT_MAX_BYTES,
  deadlineOf,
  isSafeAccept,
  maxBytesOf,
  requestInit,
} from './request';

describe('clampLimit', () => {
  it.each([
    ['undefined', undefined, 50],
    ['NaN', Number.NaN, 50],
    ['negative', -5, 50],
    ['zero', 0, 50],
    ['minus zero', -0, 50],
    ['infinite', Number.POSITIVE_INFINITY, 50],
    ['a string', '100' as unknown as number, 50],
    ['a fraction below one', 0.5, 1],
    ['a tiny fraction', 1e-9, 1],
    ['a fraction', 1.9, 1],
    ['a larger fraction', 250.7, 250],
    ['one', 1, 1],
    ['the max', 1000, 1000],
    ['just above the max', 1000.5, 1000],
    ['above the max', 1001, 1000],
    ['far above the max', 1e12, 1000],
  ])('%s → %s', (_, value, expected) => {
    expect(clampLimit(value, 50, 1000)).toBe(expected);
  });
});

describe('deadlineOf and maxBytesOf', () => {
  it('have the documented defaults and caps', () => {
    expect(DEFAULT_DEADLINE_MS).toBe(5000);
    expect(DEFAULT_MAX_BYTES).toBe(65_536);
    expect(deadlineOf({})).toBe(5000);
    expect(deadlineOf({ deadlineMs: Number.NaN })).toBe(5000);
    expect(deadlineOf({ deadlineMs: -1 })).toBe(5000);
    expect(deadlineOf({ deadlineMs: 0 })).toBe(5000);
    expect(deadlineOf({ deadlineMs: 0.25 })).toBe(1);
    expect(deadlineOf({ deadlineMs: 1500.9 })).toBe(1500);
    expect(deadlineOf({ deadlineMs: 120_000 })).toBe(120_000);
    expect(deadlineOf({ deadlineMs: 120_001 })).toBe(120_000);
    expect(deadlineOf({}, 2000)).toBe(2000);
    expect(deadlineOf({ deadlineMs: 300 }, 2000)).toBe(300);

    expect(maxBytesOf({})).toBe(65_536);
    expect(maxBytesOf({ maxBytes: Number.NaN })).toBe(65_536);
    expect(maxBytesOf({ maxBytes: -100 })).toBe(65_536);
    expect(maxBytesOf({ maxBytes: 0 })).toBe(65_536);
    expect(maxBytesOf({ maxBytes: 0.5 })).toBe(1);
    expect(maxBytesOf({ maxBytes: 100.9 })).toBe(100);
    expect(maxBytesOf({ maxBytes: 1_048_576 })).toBe(1_048_576);
    expect(maxBytesOf({ maxBytes: 1_048_577 })).toBe(1_048_576);
    expect(maxBytesOf({}, 10)).toBe(10);
  });
});

describe('isSafeAccept', () => {
  it('takes CORS-safelisted values', () => {
    expect(isSafeAccept('application/json')).toBe(true);
    expect(isSafeAccept('text/plain, */*;q=0.1')).toBe(true);
    expect(isSafeAccept('a\tb')).toBe(true);
    expect(isSafeAccept(' ~')).toBe(true);
    expect(isSafeAccept('x')).toBe(true);
    expect(isSafeAccept('a'.repeat(128))).toBe(true);
  });

  it('refuses empty, over-long, control, non-ASCII and unsafe bytes', () => {
    expect(isSafeAccept('')).toBe(false);
    expect(isSafeAccept('a'.repeat(129))).toBe(false);
    for (const bad of ['\u0000', '\u001f', '\r', '\n', '\u007f', 'é', '\u0080']) expect(isSafeAccept(`a${bad}b`)).toBe(false);
    for (const bad of '"():<>?@[\\]{}') expect(isSafeAccept(`text${bad}`)).toBe(false);
  });
});

describe('what a request carries', () => {
  it('counts the request line and the Accept header', () => {
    expect(approxBytesOut('https://a.b/', undefined)).toBe(27);
    expect(approxBytesOut('https://a.b/', 'x')).toBe(38);
  });

  it('omits credentials, referrer and cache, refuses redirects, and carries only Accept', () => {
    const signal = new AbortController().signal;
    expect(requestInit('text/plain', signal)).toEqual({
      method: 'GET',
      headers: { Accept: 'text/plain' },
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
      mode: 'cors',
      signal,
    });
    expect(requestInit(undefined, signal).headers).toStrictEqual({});
  });
});
