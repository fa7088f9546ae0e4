// Test samples in each provider's documented format (docs: /work/shared/reference/endpoints.md).

export const MULLVAD_DNS_CLEAN = JSON.stringify([
  {
    ip: '193.138.218.74',
    hostname: 'se-mma-dns-001.mullvad.net',
    mullvad_dns: true,
    mullvad_dns_hostname: 'se-mma-dns-001',
    country: 'Sweden',
    organization: '31173 Services AB',
  },
]);

export const MULLVAD_DNS_LEAK = JSON.stringify([
  { ip: '172.253.226.36', hostname: null, mullvad_dns: false, mullvad_dns_hostname: '', country: 'Germany', organization: 'Google LLC' },
  {
    ip: '2a00:1450:4001:0:0:0:0:104',
    hostname: null,
    mullvad_dns: false,
    mullvad_dns_hostname: '',
    country: 'Germany',
    organization: 'Google LLC',
  },
]);

export const BASHWS_RESULT = JSON.stringify([
  { ip: '89.45.90.12', country: 'DE', country_name: 'Germany', asn: 'AS3320 Deutsche Telekom AG', type: 'ip' },
  { ip: '172.253.226.36', country: 'de', country_name: 'Germany', asn: 'AS15169 Google LLC', type: 'dns' },
  { ip: '2a00:1450:4001::104', country: 'DE', country_name: 'Germany', asn: 'Google LLC', type: 'dns' },
  { ip: '194.71.118.1', country: false, country_name: false, asn: false, type: 'dns' },
  { ip: 'DNS may be leaking.', country: false, country_name: false, asn: false, type: 'conclusion' },
]);

export const leaklessDns = (token: string, resolvers: readonly { ip: string; family: 4 | 6; ecs?: string }[]) =>
  JSON.stringify({ token, resolvers });
