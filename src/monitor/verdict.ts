// The monitor's verdict: decide() itself, except where the monitor could not run a probe at all. Chrome's
// service worker has no RTCPeerConnection and monitoring asks for no offscreen document, so there the monitor
// leaves WebRTC to the popup: its verdict covers IPs and DNS only and never calls WebRTC "unknown" for it.
import { type CheckResults, PENDING, type ProbeState, type Verdict } from '../model';
import { decide } from '../verdict';
import { leakKeys } from './change';

const NOT_RUN: ProbeState<never> = Object.freeze({ state: 'failed', problem: { code: 'unavailable' } } as const);

/** decide(), with WebRTC left out of "can't tell" when `webrtcChecked` is false. */
export function monitorVerdict(results: CheckResults, webrtcChecked: boolean): Verdict {
  if (webrtcChecked) return decide(results);
  const verdict = decide({ ...results, webrtc: NOT_RUN });
  const reasons = verdict.reasons.filter((r) => r.code !== 'webrtc-unknown');
  const stillUnknown = reasons.some((r) => r.code === 'ip-unknown' || r.code === 'dns-unknown');
  const pending = Object.entries(results).some(([name, s]) => name !== 'webrtc' && s.state === 'pending');
  if (verdict.level !== 'unknown' || stillUnknown || pending) return { ...verdict, reasons };
  const warnings = reasons.some((r) => r.severity === 'warning');
  return {
    level: 'clean',
    reasons: warnings ? reasons : [{ code: 'no-leak', params: [], severity: 'info' }, ...reasons],
  };
}

/** The leaks an IP-only look finds: IPv6 leaving through another network than IPv4. */
export function ipOnlyLeaks(results: Pick<CheckResults, 'ipv4' | 'ipv6'>): string[] {
  const failed: ProbeState<never> = { state: 'failed', problem: { code: 'unavailable' } };
  return leakKeys(
    decide({
      ...PENDING,
      dns: failed,
      webrtc: failed,
      securedns: failed,
      headers: failed,
      locale: failed,
      ipv4: results.ipv4,
      ipv6: results.ipv6,
    }),
  );
}
