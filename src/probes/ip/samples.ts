// Test samples in each provider's documented format (docs: /work/shared/reference/endpoints.md).

export const MULLVAD_EXIT_V4 = JSON.stringify({
  ip: '185.65.134.77',
  country: 'Sweden',
  city: 'Malmö',
  longitude: 13.0007,
  latitude: 55.6059,
  mullvad_exit_ip: true,
  mullvad_exit_ip_hostname: 'se-mma-wg-001',
  mullvad_server_type: 'WireGuard',
  blacklisted: { blacklisted: false, results: [{ name: 'Spamhaus', blacklisted: false }] },
  organization: 'M247 Europe SRL',
});

export const MULLVAD_HOME_V4 = JSON.stringify({
  ip: '89.45.90.12',
  country: 'Germany',
  city: 'Frankfurt am Main',
  longitude: 8.6843,
  latitude: 50.1155,
  mullvad_exit_ip: false,
  blacklisted: { blacklisted: false, results: [] },
  organization: 'Deutsche Telekom AG',
});

export const MULLVAD_V6 = JSON.stringify({
  ip: '2a03:1b20:3:0:0:0:0:77',
  country: 'Sweden',
  city: null,
  longitude: 18.0686,
  latitude: 59.3294,
  mullvad_exit_ip: true,
  mullvad_exit_ip_hostname: 'se-sto-wg-003',
  mullvad_server_type: 'WireGuard',
  organization: '31173 Services AB',
});

export const CLOUDFLARE_TRACE = [
  'fl=465f104',
  'h=1.0.0.1',
  'ip=185.65.134.77',
  'ts=1718000000.123',
  'visit_scheme=https',
  'uag=Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'colo=ARN',
  'sliver=none',
  'http=http/2',
  'loc=SE',
  'tls=TLSv1.3',
  'sni=off',
  'warp=off',
  'gateway=off',
  'rbi=off',
  'kex=X25519',
  '',
].join('\n');

export const CAPTIVE_PORTAL = '<!DOCTYPE html><html><head><title>Hotel Wi-Fi</title></head><body>Please log in</body></html>';
