// The sealed network that scripts/sandbox.sh builds; see the comment at its top.
export const SERVER_V4 = '11.22.33.1';
export const SERVER_V6 = '2a0d:5600:ff::1';
export const CLIENT_V4 = '11.22.33.44';
/** Over IPv6 the server sees its local clients from its own address (RFC 6724 rule 1). */
export const CLIENT_V6 = SERVER_V6;
export const RESOLVER_V4 = '11.22.33.53';
export const FAKE_STUN_V4 = '11.22.33.2';
export const ZONE = 'check.leakless.test';
export const LEAKLESS_SERVER = `https://${ZONE}`;

/** Fixed third-party hosts the fakes stand in for (the registry's, with placeholders resolved by dnsmasq). */
export const FAKE_HOSTS = ['ipv4.am.i.mullvad.net', 'ipv6.am.i.mullvad.net', 'api4.ipify.org', 'api6.ipify.org', 'bash.ws'];
/** Domains whose every sub-name the fakes answer (random leak-test names). */
export const FAKE_DOMAINS = ['dnsleak.am.i.mullvad.net', 'bash.ws'];
/** The DNS hop (dns-shim.ts) between the sandbox's resolver and the check server, on the server's address. */
export const DNS_SHIM_PORT = 5300;
/** The real check server's HTTPS port, behind the front on 443 that can fault and delay its answers. */
export const CHECK_SERVER_HTTPS_PORT = 8443;
