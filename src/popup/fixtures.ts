// Test-only: check results as the engine reports them, for component tests.
import type { CheckResults, IpResult, Observation, PublicIp, Verdict } from '../model';

export const V4 = '203.0.113.5';
export const V6 = '2001:db8::5';

const meta = { country: 'DE', organization: 'Example Hosting', asn: 64500 };

function answer(endpointId: string, ip: string): Observation<PublicIp> {
  return { endpointId, outcome: { ok: true, value: { ip, meta } }, ms: 40 };
}

export function ipResult(family: 4 | 6, ip: string, ids: readonly string[]): IpResult {
  return { family, observations: ids.map((id) => answer(id, ip)), ip, disagreement: false, absent: false, meta };
}

export const CLEAN: CheckResults = {
  ipv4: { state: 'done', result: ipResult(4, V4, ['mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4']) },
  ipv6: { state: 'done', result: ipResult(6, V6, ['mullvad-ipv6', 'ipify-ipv6']) },
  dns: {
    state: 'done',
    result: {
      observations: [{ endpointId: 'mullvad-dns', outcome: { ok: true, value: [] }, ms: 300 }],
      resolvers: [
        { ip: '203.0.113.53', country: 'DE', organization: 'Example Hosting', seenBy: ['mullvad-dns'] },
        { ip: '2001:db8::53', country: 'DE', organization: 'Example Hosting', seenBy: ['mullvad-dns'] },
      ],
      namesResolved: 6,
    },
  },
  webrtc: {
    state: 'done',
    result: { status: 'ok', publicIps: [V4], localIps: [], mdnsMasked: 2, hostView: 'pages', observations: [] },
  },
  securedns: { state: 'done', result: { available: false, observations: [], isTRR: null, resolverIps: [] } },
  headers: { state: 'done', result: { observations: [], headers: null } },
  locale: { state: 'done', result: { timeZone: 'Europe/Berlin', timeZoneCountries: ['DE'], languages: ['de-DE', 'en'] } },
};

export const CLEAN_VERDICT: Verdict = { level: 'clean', reasons: [{ code: 'no-leak', params: [], severity: 'info' }] };

export const LEAK: CheckResults = {
  ...CLEAN,
  webrtc: {
    state: 'done',
    result: { status: 'ok', publicIps: ['198.51.100.7'], localIps: ['192.168.1.20'], mdnsMasked: 0, hostView: 'pages', observations: [] },
  },
};

export const LEAK_VERDICT: Verdict = {
  level: 'leak',
  reasons: [
    { code: 'webrtc-reveals-other-ip', params: ['198.51.100.7', V4], severity: 'leak' },
    { code: 'local-ips-exposed', params: ['192.168.1.20'], severity: 'warning' },
  ],
};
