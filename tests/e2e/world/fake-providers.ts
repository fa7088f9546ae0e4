// Answers as each public provider does, in its documented format (see shared reference endpoints.md).
import type { FakeMeta, Scenario } from './scenario';

export interface FakeReply {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

const json = (value: unknown): FakeReply => ({ status: 200, type: 'application/json', body: JSON.stringify(value) });
const text = (body: string): FakeReply => ({ status: 200, type: 'text/plain', body });
const NOT_FOUND: FakeReply = { status: 404, type: 'text/plain', body: 'not found' };
/** The prefix of the session ids the fake bash.ws hands out; each /id gets a fresh one, as the real one does. */
export const BASHWS_ID = 'e2e7b1c9d4';
let bashwsSessions = 0;
// A fresh id per session, so browsers cannot answer a later check's lookups from their DNS cache.
const nextBashwsId = () => `${BASHWS_ID}${(++bashwsSessions).toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
const BASHWS_RESULT = /^\/dnsleak\/test\/([a-z0-9]{1,63})\?json$/;

function mullvadIp(ip: string, meta: FakeMeta) {
  return {
    ip,
    country: meta.countryName,
    city: meta.city,
    longitude: 13.4,
    latitude: 52.5,
    mullvad_exit_ip: meta.vpnExit,
    mullvad_exit_ip_hostname: meta.vpnExit ? 'se-sto-wg-001' : null,
    mullvad_server_type: meta.vpnExit ? 'WireGuard' : null,
    organization: meta.organization,
    blacklisted: { blacklisted: false, results: [] },
  };
}

export function fakeReply(scenario: Scenario, host: string, path: string): FakeReply {
  const { v4, v6 } = scenario;
  if (host === 'ipv4.am.i.mullvad.net' && path === '/json' && v4) return json(mullvadIp(v4.ip, v4.meta));
  if (host === 'ipv6.am.i.mullvad.net' && path === '/json' && v6) return json(mullvadIp(v6.ip, v6.meta));
  if (host === 'api4.ipify.org' && path === '/?format=json' && v4) return json({ ip: v4.ip });
  if (host === 'api6.ipify.org' && path === '/?format=json' && v6) return json({ ip: v6.ip });
  if (host === '1.0.0.1' && path === '/cdn-cgi/trace' && v4) {
    return text(
      `fl=1f1\nh=1.0.0.1\nip=${v4.ip}\nts=1764140000.1\nvisit_scheme=https\nuag=x\ncolo=FRA\nsliver=none\nhttp=http/2\nloc=${v4.meta.countryCode}\ntls=TLSv1.3\nsni=off\nwarp=off\ngateway=off\nrbi=off\nkex=X25519\n`,
    );
  }
  if (host.endsWith('.dnsleak.am.i.mullvad.net') && path === '/') {
    return json(
      scenario.resolvers.map((r) => ({
        ip: r.ip,
        hostname: null,
        mullvad_dns: r.meta.vpnExit,
        mullvad_dns_hostname: null,
        country: r.meta.countryName,
        organization: r.meta.organization,
      })),
    );
  }
  if (host === 'bash.ws' && path === '/id') return text(`${nextBashwsId()}\n`);
  if (host === 'bash.ws' && BASHWS_RESULT.test(path)) {
    // bash.ws lists the resolvers whose lookups reached its name server: none when they could not resolve.
    const resolvers = scenario.faults?.['bashws-lookup'] === 'nxdomain' ? [] : scenario.resolvers;
    const rows = resolvers.map((r) => ({
      ip: r.ip,
      country: r.meta.countryCode,
      country_name: r.meta.countryName,
      asn: `AS${r.meta.asn} ${r.meta.organization}`,
      type: 'dns',
    }));
    const you = v4
      ? [{ ip: v4.ip, country: v4.meta.countryCode, country_name: v4.meta.countryName, asn: `AS${v4.meta.asn}`, type: 'ip' }]
      : [];
    return json([...you, ...rows, { ip: 'DNS is not leaking.', country: false, country_name: false, asn: false, type: 'conclusion' }]);
  }
  return NOT_FOUND;
}
