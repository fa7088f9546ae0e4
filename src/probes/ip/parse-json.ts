import * as v from 'valibot';
import type { Outcome, Problem } from '../../model';
import { fail, ok, problem } from '../../model';

/** The gate's default cap; a parser called directly must not accept more than the gate would deliver. */
export const MAX_BODY_CHARS = 64 * 1024;

export function parseJson(body: unknown): Outcome<unknown> {
  if (typeof body !== 'string') return fail('not-json');
  if (body.length > MAX_BODY_CHARS) return fail('too-large');
  try {
    return ok(JSON.parse(body));
  } catch {
    return fail('not-json');
  }
}

/** The first issue, as a field path (or what was expected at the top): enough to debug, nothing from the body. */
export function shapeProblem(issues: readonly v.BaseIssue<unknown>[]): Problem {
  const first = issues[0];
  if (first === undefined) return problem('bad-shape');
  const path = v.getDotPath(first);
  return problem('bad-shape', path ?? `expected ${first.expected ?? first.kind}`);
}

/** Parses JSON and validates it; the schema decides what "valid" is, never the body. */
export function parseWith<T extends v.GenericSchema>(body: unknown, schema: T): Outcome<v.InferOutput<T>> {
  const json = parseJson(body);
  if (!json.ok) return json;
  const parsed = v.safeParse(schema, json.value);
  return parsed.success ? ok(parsed.output) : { ok: false, problem: shapeProblem(parsed.issues) };
}

/** A bounded string. */
export const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/**
 * Optional descriptive text (city, organisation…): absent, null, too long or of the wrong type all mean
 * "not said", so one odd field does not throw away the address.
 */
export const optionalText = (max: number) => v.fallback(v.optional(v.nullable(text(max))), undefined);

export const optionalBoolean = v.fallback(v.optional(v.boolean()), undefined);

/** Trimmed, and dropped when empty, so the popup never shows a blank value. */
export function cleanText(value: string | null | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

const notArray = v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'expected object');

/** A JSON object with these fields (others ignored). valibot's object schemas take arrays too, which no provider sends. */
export const record = <T extends v.ObjectEntries>(entries: T) => v.pipe(notArray, v.looseObject(entries));
