import { type Endpoint, endpointById, PROVIDERS, type Registry } from '../endpoints';
import type { Settings } from '../model';
import { useEnv } from '../ui/env';

export type ProbeList = 'ipv4' | 'ipv6' | 'dns' | 'webrtc' | 'securedns' | 'headers';

const GROUPS: readonly [ProbeList, string][] = [
  ['ipv4', 'sectionIpv4'],
  ['ipv6', 'sectionIpv6'],
  ['dns', 'sectionDns'],
  ['webrtc', 'sectionWebrtc'],
  ['securedns', 'sectionSecuredns'],
  ['headers', 'sectionHeaders'],
];

/** What requests for this choice carry: a DNS provider's session and lookup endpoints come along with it. */
function carries(registry: Registry, chosen: Endpoint): string[] {
  const related = registry.endpoints.filter((e) => e.probe === chosen.probe && e.provider === chosen.provider);
  const list = chosen.probe === 'dns' ? related : [chosen];
  return [...new Set(list.map((e) => e.carries))];
}

interface ProvidersProps {
  registry: Registry;
  choices: Readonly<Record<ProbeList, readonly string[]>>;
  settings: Settings;
  onChange(probe: ProbeList, ids: string[]): void;
}

export function Providers({ registry, choices, settings, onChange }: ProvidersProps) {
  const { t } = useEnv();
  function toggle(probe: ProbeList, id: string, on: boolean) {
    const enabled = new Set(settings[probe]);
    if (on) enabled.add(id);
    else enabled.delete(id);
    onChange(
      probe,
      choices[probe].filter((choice) => enabled.has(choice)),
    );
  }
  return (
    <section aria-labelledby="providers-title">
      <h2 id="providers-title">{t('optionsProviders')}</h2>
      <p>{t('optionsProvidersHelp')}</p>
      {/* The ASN data's CC BY 4.0 licence asks for credit wherever its results are shown: the popup's network names. */}
      {registry.endpoints.some((e) => e.provider === PROVIDERS.leakless.id) ? (
        <p data-testid="ip-data-credit">{t('optionsIpDataCredit')}</p>
      ) : null}
      {/* A probe only our own check server serves (proxy headers) has no choice in a build without one. */}
      {GROUPS.filter(([probe]) => choices[probe].length > 0).map(([probe, title]) => (
        <fieldset key={probe} data-testid={`providers-${probe}`}>
          <legend>{t(title)}</legend>
          {choices[probe].map((id) => {
            const endpoint = endpointById(registry, id);
            if (!endpoint) return null;
            return (
              <div class="choice" key={id}>
                <input
                  type="checkbox"
                  id={`ep-${id}`}
                  aria-describedby={`ep-${id}-carries`}
                  checked={settings[probe].includes(id)}
                  onChange={(e) => toggle(probe, id, e.currentTarget.checked)}
                />
                <label for={`ep-${id}`}>{PROVIDERS[endpoint.provider].name}</label>
                <p class="help" id={`ep-${id}-carries`}>
                  {carries(registry, endpoint).join(' ')}
                </p>
              </div>
            );
          })}
          {settings[probe].length === 0 ? <p class="warn">{t('optionsNoProvider')}</p> : null}
        </fieldset>
      ))}
    </section>
  );
}
