import { type Problem, problem } from '../model';

/**
 * What a rejected fetch means. Browsers hide the reason (DNS, TLS, refused, blocked by an extension)
 * behind one TypeError, so 'unreachable' is the honest default; only a security refusal is told apart.
 */
export function fetchErrorProblem(error: unknown, aborted: boolean): Problem {
  if (aborted) return problem('timeout');
  // DOMException inherits from Error (WebIDL), in Node and in every supported browser.
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError' || name === 'TimeoutError') return problem('timeout');
  if (name === 'SecurityError' || name === 'NotAllowedError') return problem('blocked', name);
  return problem('unreachable');
}
