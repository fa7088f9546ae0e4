import type { DnsResult, HeadersResult, LocaleResult, SecureDnsResult, WebRtcResult } from '../model';
import { useEnv } from '../ui/env';
import { Field, Items } from '../ui/Field';
import { countryName } from '../ui/names';
import { Failures } from '../ui/problem';
import { metaLine } from './IpBody';

type T = (key: string, ...subs: string[]) => string;

/** EDNS Client Subnet: only our own server reports it, so without its answer this is not known. */
function ecsText(t: T, result: DnsResult, own: DnsResult['observations'][number]): string {
  if (!own.outcome.ok || own.outcome.value.length === 0) return t('dnsEcsUnknown');
  const subnets = [...new Set(result.resolvers.flatMap((r) => (r.ecs ? [r.ecs] : [])))];
  return subnets.length ? t('dnsEcs', subnets.join(', ')) : t('dnsEcsNone');
}

/** DNSSEC: only our own server serves the signed and the mis-signed name; absent while it is still out. */
function dnssecText(t: T, result: DnsResult): string {
  const v = result.dnssec?.validates;
  return result.dnssec ? t(v ? 'dnsDnssecYes' : v === false ? 'dnsDnssecNo' : 'dnsDnssecUnknown') : t('levelPending');
}

export function DnsBody({ result }: { result: DnsResult }) {
  const { t, lang } = useEnv();
  const own = result.observations.find((o) => o.endpointId === 'leakless-dns');
  return (
    <>
      <p>
        {t('dnsResolvers', String(result.resolvers.length))}
        <span class="muted">{` · ${t('dnsNames', String(result.namesResolved))}`}</span>
      </p>
      {result.resolvers.length === 0 ? <p>{t('dnsNone')}</p> : null}
      <ul class="list">
        {result.resolvers.map((r) => (
          <li key={r.ip}>
            <span class="addr" data-testid="resolver">
              {r.ip}
            </span>
            <span class="muted">{` ${metaLine(r, lang)}`}</span>
          </li>
        ))}
      </ul>
      <p data-testid="dns-ecs">{own ? ecsText(t, result, own) : t('dnsEcsNeedsServer')}</p>
      <p data-testid="dns-dnssec">{own ? dnssecText(t, result) : t('dnsDnssecNeedsServer')}</p>
      <Failures observations={result.observations} />
    </>
  );
}

export function WebRtcBody({ result, provisional }: { result: WebRtcResult; provisional?: boolean | undefined }) {
  const { t } = useEnv();
  if (result.status === 'disabled') return <p class="neutral">{t('webrtcDisabled')}</p>;
  const masked = result.mdnsMasked > 0 ? t('webrtcMasked', String(result.mdnsMasked)) : '';
  // Gathered where the browser does not mask (Chromium's extension pages): only permitted sites see these.
  const privileged = result.hostView === 'privileged';
  return (
    <>
      <dl>
        <Field label={t('webrtcPublic')}>
          <Items values={result.publicIps} testId="webrtc-public" empty={t(provisional ? 'levelPending' : 'valueNone')} />
        </Field>
        <Field label={t(privileged ? 'webrtcLocalPermitted' : 'webrtcLocal')} long={privileged}>
          {result.localIps.length > 0 || !masked ? <Items values={result.localIps} testId="webrtc-local" empty={t('valueNone')} /> : null}
          {masked ? <span>{result.localIps.length > 0 ? `; ${masked}` : masked}</span> : null}
          {privileged && result.localIps.length > 0 ? (
            <span class="muted" data-testid="webrtc-local-note">{` ${t('webrtcLocalPermittedNote')}`}</span>
          ) : null}
        </Field>
      </dl>
      <Failures observations={result.observations} />
    </>
  );
}

export function SecureDnsBody({ result }: { result: SecureDnsResult }) {
  const { t } = useEnv();
  if (!result.available) return <p class="neutral">{t('secureDnsUnavailable')}</p>;
  const doh = result.isTRR === null ? t('valueUnknown') : result.isTRR ? t('valueYes') : t('valueNo');
  return (
    <>
      <dl>
        <Field label={t('secureDnsResolver')}>
          <Items values={result.resolverIps} empty={t('valueUnknown')} />
        </Field>
        <Field label={t('secureDnsDoh')}>{doh}</Field>
      </dl>
      <Failures observations={result.observations} />
    </>
  );
}

/** "Added on the way: Via, X-Forwarded-For (84.171.20.7)": only our own server echoes what reached it. */
export function headersText(t: (key: string, ...subs: string[]) => string, result: HeadersResult): string {
  const found = result.headers;
  if (result.observations.length === 0) return t('headersNeedsServer');
  if (!found) return t('headersUnknown');
  if (found.length === 0) return t('headersNone');
  return t('headersAdded', found.map((h) => (h.ips.length > 0 ? `${h.name} (${h.ips.join(', ')})` : h.name)).join(', '));
}

export function HeadersBody({ result }: { result: HeadersResult }) {
  const { t } = useEnv();
  return (
    <>
      <p data-testid="proxy-headers">{headersText(t, result)}</p>
      <Failures observations={result.observations} />
    </>
  );
}

/** How the time zone fits the country the IP is in; the verdict decides whether that matters. */
function fitText(t: (key: string, ...subs: string[]) => string, lang: string, result: LocaleResult, ipCountry: string | undefined) {
  if (!ipCountry) return t('localeIpUnknown');
  if (result.timeZoneCountries.length === 0) return t('localeNoCountry');
  const name = countryName(ipCountry, lang);
  return result.timeZoneCountries.includes(ipCountry) ? t('localeMatch', name) : t('localeMismatch', name);
}

export function LocaleBody({ result, ipCountry }: { result: LocaleResult; ipCountry: string | undefined }) {
  const { t, lang } = useEnv();
  return (
    <>
      <dl>
        <Field label={t('localeTimeZone')}>{result.timeZone}</Field>
        <Field label={t('localeLanguages')}>{result.languages.join(', ') || t('valueNone')}</Field>
      </dl>
      <p class="muted">{fitText(t, lang, result, ipCountry)}</p>
    </>
  );
}
