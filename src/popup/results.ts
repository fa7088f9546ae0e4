import { type CheckResults, isSettled, type Verdict } from '../model';

/**
 * The banner's verdict: a leak shows as soon as one is seen (more results cannot undo it);
 * anything else waits until every probe has settled. null means "Checking…".
 * A throwing decide() cannot blank the popup.
 */
export function verdictFor(results: CheckResults, decide: (results: CheckResults) => Verdict): Verdict | null {
  const settled = isSettled(results);
  try {
    const verdict = decide(results);
    return settled || verdict.level === 'leak' ? verdict : null;
  } catch {
    return settled ? { level: 'unknown', reasons: [] } : null;
  }
}
