// Why something gave no usable answer, and the result-or-problem every layer passes upward.
// User-facing words are never built here: a problem carries a code (an i18n key suffix) and a short detail.

/** Every problem code; the union below is derived from this one list. */
export const PROBLEM_CODES = [
  'unreachable', // connection refused, DNS failure, TLS failure, offline
  'timeout', // no complete answer before the deadline
  'http-status', // a non-2xx status; detail = the status
  'rate-limited', // 429
  'too-large', // body over the cap
  'not-json', // expected JSON, got something else (captive portals, HTML)
  'bad-shape', // valid JSON, wrong fields or types; detail = the first issue
  'not-an-ip', // the field that should hold an IP does not
  'wrong-family', // an IPv6 answer on the IPv4 endpoint, or the reverse
  'not-public', // a private, loopback, CGNAT, documentation… address reported as public
  'blocked', // the browser or another extension blocked the request or the API
  'unavailable', // the API does not exist in this browser
  'internal', // a bug of ours, caught so it breaks only this line
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Problem {
  readonly code: ProblemCode;
  /** A short technical detail (status code, field name); shown after the sentence, never as HTML. */
  readonly detail?: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** Details are shown to users after a sentence: kept short so a hostile body cannot flood the popup. */
export const MAX_DETAIL = 80;

export function problem(code: ProblemCode, detail?: string): Problem {
  return detail === undefined ? { code } : { code, detail: detail.slice(0, MAX_DETAIL) };
}

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ProblemCode, detail?: string): Outcome<T> {
  return { ok: false, problem: problem(code, detail) };
}
