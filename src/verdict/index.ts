import { type CheckResults, isSettled, type Reason, type Verdict, type VerdictLevel } from '../model';
import { exits } from './facts';
import { proxyReasons } from './proxy';
import { dnsReasons, infoReasons, ipv6Reasons, unknownReasons, warningReasons, webRtcReasons } from './rules';

/** Leaks (or warnings) listed at most; the banner shows the first, the rest are for the copied report. */
export const MAX_PER_KIND = 16;

function unique(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  return reasons.filter((reason) => {
    const key = `${reason.code}\u0000${reason.params.join('\u0000')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The verdict on whatever has arrived so far (the popup calls it as results stream in). Pure.
 * Reasons come leaks first, then warnings, then what is unknown, then plain information.
 */
export function decide(results: CheckResults): Verdict {
  const found = unique([
    ...webRtcReasons(results),
    ...ipv6Reasons(results),
    ...dnsReasons(results),
    ...proxyReasons(results),
    ...warningReasons(results),
  ]);
  const leaks = found.filter((reason) => reason.severity === 'leak');
  const warnings = found.filter((reason) => reason.severity === 'warning');
  const unknown = unknownReasons(results);
  const info = infoReasons(results);

  // A provisional section is still open: an answer still out could contradict "no leak".
  const pending = !isSettled(results);
  let level: VerdictLevel;
  if (leaks.length > 0) level = 'leak';
  // "No leak found" only when every part was checked: a part that failed could be the one that leaks.
  else if (pending || exits(results).length === 0 || unknown.length > 0) level = 'unknown';
  else level = 'clean';

  const noLeak: Reason[] = level === 'clean' && warnings.length === 0 ? [{ code: 'no-leak', params: [], severity: 'info' }] : [];
  // Bounded: a provider reporting hundreds of resolvers must not make the verdict too big to pass on.
  return { level, reasons: [...leaks.slice(0, MAX_PER_KIND), ...noLeak, ...warnings.slice(0, MAX_PER_KIND), ...unknown, ...info] };
}
