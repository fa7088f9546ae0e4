import * as v from 'valibot';
import type { Outcome, Problem } from '../../model';
import { fail, ok, plainText, problem } from '../../model';

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
  // A path is made of the provider's own keys: as untrusted as its values.
  return problem('bad-shape', plainText(path ?? `expected ${first.expected ?? first.kind}`, 100));
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

/** An AS number as JSON carries it: a positive 32-bit integer; anything else is "not said". */
export function asnNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2 ** 32 ? value : undefined;
}

/**
 * Where provider text enters: one harmless line (no control, format or separator characters, see
 * plainText), and dropped when empty, so the popup never shows a blank value or a forged line.
 */
export function cleanText(value: string | null | undefined): string | undefined {
  const t = value == null ? '' : plainText(value);
  return t ? t : undefined;
}

const notArray = v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), 'expected object');

/** A JSON object with these fields (others ignored). valibot's object schemas take arrays too, which no provider sends. */
export const record = <T extends v.ObjectEntries>(entries: T) => v.pipe(notArray, v.looseObject(entries));
