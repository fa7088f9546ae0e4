// Notification and tooltip texts, pure: every word comes from _locales through `t`, with placeholders.
import type { BadgeState, FamilyView, MonitorChange, MonitorSnapshot } from '../model';

export interface TextEnv {
  /** Looks up a message in _locales; `subs` fill $1…$9. */
  t(key: string, ...subs: string[]): string;
  /** A country code as its name in the UI language. */
  countryName(code: string): string;
  /** A time of day in the UI language. */
  time(ms: number): string;
}

/** "185.213.154.23 (Sweden · Example VPN)"; "none" for a family that does not reach the web. */
export function addressLabel(env: TextEnv, view: FamilyView): string {
  if (view === null) return '?';
  if (view === 'absent') return env.t('monitorNoAddress');
  const about = [view.country ? env.countryName(view.country) : '', view.organization ?? ''].filter(Boolean).join(' · ');
  return about ? `${view.ip} (${about})` : view.ip;
}

/** One line per change. */
export function changeLine(env: TextEnv, change: MonitorChange): string {
  switch (change.kind) {
    case 'ip':
      return env.t(
        change.family === 4 ? 'monitorIpChanged' : 'monitorIpv6Changed',
        addressLabel(env, change.from),
        addressLabel(env, change.to),
      );
    case 'ipv6-outside':
      return env.t('monitorIpv6Outside', change.ip);
    case 'dns':
      return env.t('monitorDnsChanged', change.resolvers.join(', '));
    case 'level':
      return env.t(change.to === 'leak' ? 'monitorNowLeak' : 'monitorNowClean');
  }
}

/** The notification for these changes: the title says the state now, the message what changed from what. */
export function notificationText(
  env: TextEnv,
  changes: readonly MonitorChange[],
  snapshot: MonitorSnapshot,
  firstReason: string | null,
): { title: string; message: string } {
  const title = env.t(
    snapshot.level === 'leak' ? 'monitorTitleLeak' : snapshot.level === 'clean' ? 'monitorTitleClean' : 'monitorTitleUnknown',
  );
  const lines = changes.map((change) => changeLine(env, change));
  if (snapshot.level === 'leak' && firstReason) lines.push(firstReason);
  return { title, message: [...new Set(lines)].join('\n') };
}

const STATE_KEYS: Record<BadgeState, string> = {
  off: 'extName',
  clean: 'levelClean',
  leak: 'levelLeak',
  unknown: 'levelUnknown',
  checking: 'levelPending',
  stale: 'monitorStale',
};

/** The toolbar tooltip: the one-line verdict, and when it was checked. */
export function tooltipText(env: TextEnv, state: BadgeState, snapshot: MonitorSnapshot | null, firstReason: string | null): string {
  if (state === 'off') return env.t('extName');
  const verdict = state === 'clean' || state === 'leak' ? (firstReason ?? env.t(STATE_KEYS[state])) : env.t(STATE_KEYS[state]);
  const line = snapshot ? env.t('monitorTooltip', verdict, env.time(snapshot.time)) : verdict;
  return `${env.t('extName')}: ${line}`;
}

/** Badge text and colour per state: short, and never the only signal (the tooltip says it in words). */
export const BADGE_LOOK: Record<BadgeState, { readonly text: string; readonly color: string }> = {
  off: { text: '', color: '#00000000' },
  clean: { text: '✓', color: '#1a7f37' },
  leak: { text: '!', color: '#c62828' },
  unknown: { text: '?', color: '#6b6b6b' },
  checking: { text: '…', color: '#1f5fbf' },
  stale: { text: '–', color: '#8a6d00' },
};
