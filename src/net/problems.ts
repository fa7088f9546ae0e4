import { type Problem, problem } from '../model';

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
