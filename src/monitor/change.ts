// What counts as a change, pure. A cheap check (one IPv4 and one IPv6 answer) is compared with the last
// snapshot to decide whether a full check is worth its cost; two snapshots are compared to say what changed.
import type {
  CheckResults,
  ExitView,
  FamilyView,
  IpResult,
  MonitorChange,
  MonitorSnapshot,
  ProbeState,
  Reason,
  Verdict,
  VerdictLevel,
} from '../model';

/** A cheap check's answer per family; null when its provider failed (can't tell). */
export interface CheapResult {
  readonly v4: FamilyView;
  readonly v6: FamilyView;
  /** Leak reasons the IP answers alone show (IPv6 in another network than IPv4). */
  readonly leaks: readonly string[];
}

/** One family's answer as the monitor sees it. IPv4 that reaches nothing is not "absent": it means we cannot tell. */
export function familyView(state: ProbeState<IpResult>, family: 4 | 6): FamilyView {
  if (state.state !== 'done') return null;
  const r = state.result;
  if (r.ip !== null) {
    const view: ExitView = {
      ip: r.ip,
      ...(r.meta.country ? { country: r.meta.country } : {}),
      ...(r.meta.organization ? { organization: r.meta.organization } : {}),
    };
    return view;
  }
  return r.absent && family === 6 ? 'absent' : null;
}

const reasonKey = (reason: Reason) => `${reason.code}:${reason.params.join(',')}`;

/** The leak reasons of a verdict as sorted keys. */
export function leakKeys(verdict: Verdict): string[] {
  return verdict.reasons
    .filter((r) => r.severity === 'leak')
    .map(reasonKey)
    .sort();
}

const ipOf = (view: FamilyView): string => (view === null ? '?' : view === 'absent' ? '-' : view.ip);

/** The same family answer: the same address (metadata may vary between providers), or both absent. */
export function sameFamily(a: FamilyView, b: FamilyView): boolean {
  return ipOf(a) === ipOf(b);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export type CheapOutcome = 'cant-tell' | 'same' | 'changed';

/**
 * What a cheap check says against the last snapshot: can't tell (a provider failed), the same (exit addresses,
 * families and IP-only leaks as before), or changed (then a full check runs). No snapshot yet: changed.
 */
export function compareCheap(previous: MonitorSnapshot | null, cheap: CheapResult): CheapOutcome {
  if (cheap.v4 === null || cheap.v6 === null) return 'cant-tell';
  if (previous === null || previous.v4 === null || previous.v6 === null) return 'changed';
  if (!sameFamily(previous.v4, cheap.v4) || !sameFamily(previous.v6, cheap.v6)) return 'changed';
  if (!sameList(previous.cheapLeaks, cheap.leaks)) return 'changed';
  // A last full check that could not tell is not "the same": try again (debounced like any other check).
  return previous.level === 'unknown' ? 'changed' : 'same';
}

/** Resolvers of a full check, `ip (organization)`, sorted. */
export function resolverKeys(results: CheckResults): string[] {
  if (results.dns.state !== 'done') return [];
  return results.dns.result.resolvers.map((r) => (r.organization ? `${r.ip} (${r.organization})` : r.ip)).sort();
}

/** The snapshot a full check leaves. */
export function snapshotOfFull(results: CheckResults, verdict: Verdict, cheapLeaks: readonly string[], time: number): MonitorSnapshot {
  return {
    time,
    fullTime: time,
    v4: familyView(results.ipv4, 4),
    v6: familyView(results.ipv6, 6),
    level: verdict.level,
    leaks: leakKeys(verdict),
    resolvers: resolverKeys(results),
    cheapLeaks: [...cheapLeaks],
    headline: verdict.reasons[0] ?? null,
  };
}

/** A cheap check that found nothing new only moves the snapshot's time on. */
export function confirmed(snapshot: MonitorSnapshot, time: number): MonitorSnapshot {
  return { ...snapshot, time };
}

/**
 * What changed from one snapshot to the next, most important first. The first snapshot is no change. A family
 * nobody could tell about (null) on either side is no change either: "can't tell" is never news.
 */
export function describeChanges(previous: MonitorSnapshot | null, next: MonitorSnapshot): MonitorChange[] {
  if (previous === null) return [];
  const changes: MonitorChange[] = [];
  const levelChanged = previous.level !== next.level && previous.level !== 'unknown' && next.level !== 'unknown';
  if (levelChanged) changes.push({ kind: 'level', from: previous.level, to: next.level });
  for (const family of [4, 6] as const) {
    const [from, to] = family === 4 ? [previous.v4, next.v4] : [previous.v6, next.v6];
    if (from !== null && to !== null && !sameFamily(from, to)) changes.push({ kind: 'ip', family, from, to });
  }
  // IPv6 newly outside the network IPv4 uses, because IPv6 itself moved (not because IPv4 did).
  const outside = (s: MonitorSnapshot) => s.leaks.some((k) => k.startsWith('ipv6-other-network:'));
  const v6Moved = previous.v6 !== null && next.v6 !== null && !sameFamily(previous.v6, next.v6);
  if (v6Moved && outside(next) && !outside(previous) && next.v6 !== null && next.v6 !== 'absent')
    changes.push({ kind: 'ipv6-outside', ip: next.v6.ip });
  if (previous.resolvers.length > 0 && next.resolvers.length > 0 && !sameList(previous.resolvers, next.resolvers))
    changes.push({ kind: 'dns', resolvers: next.resolvers });
  return changes;
}

/** What a notification is about: two snapshots with the same key are the same state, never notified twice. */
export function stateKey(snapshot: MonitorSnapshot): string {
  return [snapshot.level, ipOf(snapshot.v4), ipOf(snapshot.v6), snapshot.leaks.join('|'), snapshot.resolvers.join('|')].join('#');
}

/** Notify only about a change, only in a state that is not "can't tell", and never twice about one state. */
export function shouldNotify(changes: readonly MonitorChange[], snapshot: MonitorSnapshot, notifiedKey: string | null): boolean {
  return changes.length > 0 && snapshot.level !== 'unknown' && stateKey(snapshot) !== notifiedKey;
}

/** The level the badge shows for a snapshot's verdict. */
export const levelOf = (snapshot: MonitorSnapshot | null): VerdictLevel => snapshot?.level ?? 'unknown';
