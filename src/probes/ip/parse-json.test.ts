import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cleanText, MAX_BODY_CHARS, optionalBoolean, optionalText, parseJson, parseWith, record, shapeProblem, text } from './parse-json';

describe('parseJson', () => {
  it('parses a JSON string up to the gate cap, and refuses the rest', () => {
    expect(MAX_BODY_CHARS).toBe(65_536);
    expect(parseJson('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
    const exact = `"${'a'.repeat(MAX_BODY_CHARS - 2)}"`;
    expect(parseJson(exact)).toEqual({ ok: true, value: 'a'.repeat(MAX_BODY_CHARS - 2) });
    expect(parseJson(`${exact} `)).toEqual({ ok: false, problem: { code: 'too-large' } });
    expect(parseJson('{"a":')).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseJson(42)).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseJson(null)).toEqual({ ok: false, problem: { code: 'not-json' } });
  });
});

describe('shapeProblem', () => {
  it('names the first issue by its path, or by what was expected at the top', () => {
    const nested = v.safeParse(v.object({ a: v.object({ b: v.string() }) }), { a: { b: 1 } });
    expect(nested.success ? null : shapeProblem(nested.issues)).toEqual({ code: 'bad-shape', detail: 'a.b' });
    const top = v.safeParse(v.string(), 1);
    expect(top.success ? null : shapeProblem(top.issues)).toEqual({ code: 'bad-shape', detail: 'expected string' });
    expect(shapeProblem([])).toEqual({ code: 'bad-shape' });
  });

  it('falls back to the issue kind, and shows a hostile key as one short plain line', () => {
    const custom = v.safeParse(
      v.custom(() => false),
      1,
    );
    const issue = custom.success ? null : { ...custom.issues[0], expected: null };
    expect(issue && shapeProblem([issue as v.BaseIssue<unknown>])).toEqual({ code: 'bad-shape', detail: 'expected schema' });
    const key = `x\u202e\n${'k'.repeat(150)}`;
    const hostile = v.safeParse(v.record(v.string(), v.number()), { [key]: 'no' });
    const detail = hostile.success ? '' : shapeProblem(hostile.issues).detail;
    // plainText makes it one line; the problem's own cap (80) ends it.
    expect(detail).toBe(`x ${'k'.repeat(78)}`);
  });
});

describe('parseWith and the field schemas', () => {
  const schema = record({ ip: text(5), city: optionalText(3), exit: optionalBoolean });

  it('validates parsed JSON; unusable optional fields mean "not said"', () => {
    expect(parseWith('{"ip":"1.2.3","city":"Abc","exit":true}', schema)).toEqual({
      ok: true,
      value: { ip: '1.2.3', city: 'Abc', exit: true },
    });
    expect(parseWith('{"ip":"1.2.3","city":"Abcd","exit":"yes"}', schema)).toEqual({
      ok: true,
      value: { ip: '1.2.3', city: undefined, exit: undefined },
    });
    expect(parseWith('{"ip":"1.2.3","city":null}', schema)).toEqual({ ok: true, value: { ip: '1.2.3', city: null } });
    expect(parseWith('{"ip":"1.2.3.4"}', schema)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'ip' } });
    expect(parseWith('nope', schema)).toEqual({ ok: false, problem: { code: 'not-json' } });
  });

  it('a record is an object: arrays and null are refused', () => {
    expect(parseWith('["1.2.3"]', schema)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'expected unknown' } });
    expect(parseWith('null', schema)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'expected unknown' } });
    expect(parseWith('"1.2.3"', schema)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'expected unknown' } });
  });
});

describe('cleanText', () => {
  it('one plain line, or undefined when nothing is left', () => {
    expect(cleanText('  Malmö \n AB ')).toBe('Malmö AB');
    expect(cleanText('\u200b \u0000')).toBeUndefined();
    expect(cleanText('')).toBeUndefined();
    expect(cleanText(null)).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
  });
});
