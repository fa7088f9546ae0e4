import type { IpMeta, IpResult, Observation, PublicIp } from '../model';
import { useEnv } from '../ui/env';
import { countryName } from '../ui/names';
import { Failures } from '../ui/problem';

/** "Germany · Hetzner Online GmbH · AS24940", skipping what no provider said. */
export function metaLine(meta: IpMeta, lang: string): string {
  const parts = [meta.country ? countryName(meta.country, lang) : '', meta.organization ?? '', meta.asn ? `AS${meta.asn}` : ''];
  return parts.filter(Boolean).join(' · ');
}

function Disagreement({ observations }: { observations: readonly Observation<PublicIp>[] }) {
  const { t, providerName } = useEnv();
  return (
    <>
      <p class="warn">{t('ipDisagree')}</p>
      <ul class="list">
        {observations.map((o) =>
          o.outcome.ok ? (
            <li key={o.endpointId}>
              {`${providerName(o.endpointId)} `}
              <span class="addr" data-testid="ip">
                {o.outcome.value.ip}
              </span>
            </li>
          ) : null,
        )}
      </ul>
      <Failures observations={observations} />
    </>
  );
}

export function IpBody({ result }: { result: IpResult }) {
  const { t, lang } = useEnv();
  if (result.absent && result.family === 6) return <p class="neutral">{t('ipNoIpv6')}</p>;
  if (result.ip === null) {
    return (
      <>
        <p>{t('ipNoAnswer')}</p>
        <Failures observations={result.observations} />
      </>
    );
  }
  if (result.disagreement) return <Disagreement observations={result.observations} />;
  const agree = result.observations.filter((o) => o.outcome.ok && o.outcome.value.ip === result.ip).length;
  const meta = metaLine(result.meta, lang);
  return (
    <>
      {/* The VPN-exit note shares the address's line, so the section fits its fixed height. */}
      <p class="ip-line">
        <span class="addr main" data-testid="ip">
          {result.ip}
        </span>
        {result.meta.vpnExit ? <span class="tag">{t('ipVpnExit')}</span> : null}
      </p>
      {meta ? <p>{meta}</p> : null}
      <p class="muted">{t('ipAgree', String(agree), String(result.observations.length))}</p>
      <Failures observations={result.observations} />
    </>
  );
}
