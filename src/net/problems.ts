import type { Outcome, Problem, ProblemCode } from '../probes/types';

/** Details are shown to users after a sentence: keep them short so a hostile body cannot flood the popup. */
const MAX_DETAIL = 80;

export function problem(code: ProblemCode, detail?: string): Problem {
  return detail === undefined ? { code } : { code, detail: detail.slice(0, MAX_DETAIL) };
}

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ProblemCode, detail?: string): Outcome<T> {
  return { ok: false, problem: problem(code, detail) };
}

/**
 * What a rejected fetch means. Browsers hide the reason (DNS, TLS, refused, blocked by an extension)
 * behind one TypeError, so 'unreachable' is the honest default; only a security refusal is told apart.
 */
export function fetchErrorProblem(error: unknown, aborted: boolean): Problem {
  if (aborted) return problem('timeout');
  const name = error instanceof Error || isDomException(error) ? error.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') return problem('timeout');
  if (name === 'SecurityError' || name === 'NotAllowedError') return problem('blocked', name);
  return problem('unreachable');
}

function isDomException(error: unknown): error is DOMException {
  return typeof DOMException !== 'undefined' && error instanceof DOMException;
}
