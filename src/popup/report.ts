import { type CheckResults, type IpResult, type ProbeState, plainText, type Verdict } from '../model';
import type { UiEnv } from '../ui/env';
import { problemText } from '../ui/problem';
import { reasonText } from '../ui/reason';
import { headersText } from './bodies';
import { metaLine } from './IpBody';

/** Everything shown, as JSON: what a user pastes into a bug report or a forum. Never sent anywhere by us. */
export function reportJson(results: CheckResults, verdict: Verdict | null, checkedAt: number): string {
  return JSON.stringify({ tool: 'Leakless', checkedAt: new Date(checkedAt).toISOString(), verdict, results }, null, 2);
}

type Env = Pick<UiEnv, 't' | 'lang'>;

function line<T>(env: Env, title: string, state: ProbeState<T>, describe: (result: T) => string): string {
  if (state.state === 'pending') return `${title}: ${env.t('levelPending')}`;
  if (state.state === 'failed') return `${title}: ${problemText(env.t, state.problem)}`;
  // Copied mid-check: what has arrived, marked as not final.
  if (state.state === 'partial') return `${title}: ${describe(state.result)} ${env.t('verdictSoFar')}`;
  return `${title}: ${describe(state.result)}`;
}

function ipText(env: Env, r: IpResult): string {
  if (r.absent && r.family === 6) return env.t('ipNoIpv6');
  if (r.ip === null) return env.t('ipNoAnswer');
  const answers = r.observations.flatMap((o) => (o.outcome.ok ? [o.outcome.value.ip] : []));
  const main = r.disagreement ? `${env.t('ipDisagree')} ${[...new Set(answers)].join(', ')}` : r.ip;
  const meta = metaLine(r.meta, env.lang);
  return meta ? `${main} (${meta})` : main;
}

/** The same facts as the popup, one line per section, in the UI language. */
export function reportText(env: Env, results: CheckResults, verdict: Verdict | null, checkedAt: number): string {
  const { t } = env;
  const level = verdict ? t({ leak: 'levelLeak', clean: 'levelClean', unknown: 'levelUnknown' }[verdict.level]) : t('levelPending');
  const first = verdict?.reasons[0];
  const none = t('valueNone');
  return (
    [
      `${t('extName')}: ${level}${first ? ` — ${reasonText(env, first)}` : ''}`,
      t('copiedAt', new Date(checkedAt).toISOString()),
      line(env, t('sectionIpv4'), results.ipv4, (r) => ipText(env, r)),
      line(env, t('sectionIpv6'), results.ipv6, (r) => ipText(env, r)),
      line(env, t('sectionDns'), results.dns, (r) =>
        [t('dnsResolvers', String(r.resolvers.length)), ...r.resolvers.map((x) => `${x.ip} (${metaLine(x, env.lang)})`)].join('; '),
      ),
      line(env, t('sectionWebrtc'), results.webrtc, (r) =>
        r.status === 'disabled'
          ? t('webrtcDisabled')
          : `${t('webrtcPublic')}: ${r.publicIps.join(', ') || none}; ${t(r.hostView === 'privileged' ? 'webrtcLocalPermitted' : 'webrtcLocal')}: ${r.localIps.join(', ') || none}; ${t('webrtcMasked', String(r.mdnsMasked))}`,
      ),
      line(env, t('sectionSecuredns'), results.securedns, (r) =>
        r.available
          ? `${t('secureDnsResolver')}: ${r.resolverIps.join(', ') || none}; ${t('secureDnsDoh')}: ${r.isTRR === null ? t('valueUnknown') : t(r.isTRR ? 'valueYes' : 'valueNo')}`
          : t('secureDnsUnavailable'),
      ),
      line(env, t('sectionHeaders'), results.headers, (r) => headersText(t, r)),
      line(env, t('sectionLocale'), results.locale, (r) => `${r.timeZone}; ${r.languages.join(', ')}`),
    ]
      // The probes clean provider text already; this keeps every section to one line whatever reaches it.
      .map((l) => plainText(l, 2000))
      .join('\n')
  );
}
