import { TABLE_BUDGET, tableBytes } from './budget.ts';
import { isIPv4, isIPv6, parseCidr } from './ip.ts';
import { defaultDataPaths } from './ipdata/paths.ts';
import { parseStoreTarget } from './store/target.ts';

export interface ServerConfig {
  /** Delegated zone, lowercase, no trailing dot. */
  zone: string;
  /** Addresses every listener binds to. */
  listen: string[];
  /** null = service off. 0 = any free port (tests). */
  httpPort: number | null;
  httpsPort: number | null;
  dnsPort: number | null;
  stunPort: number | null;
  /** Prometheus /metrics, on its own listener; null = off. */
  metricsPort: number | null;
  metricsListen: string[];
  /** 'memory', or a Valkey/Redis URL shared by several nodes (store/target.ts). */
  store: string;
  certPath: string | null;
  keyPath: string | null;
  /** What A / AAAA records in the zone point to; null = no such records. */
  address4: string | null;
  address6: string | null;
  /** Target of a CNAME at _acme-challenge.<zone>, so an ACME client can prove the zone (DNS-01) elsewhere. */
  acmeCname: string | null;
  /**
   * The zone's DNSSEC signing key (PEM PKCS#8, ECDSA P-256): loaded, or generated and written there (0600)
   * when missing. null = a new in-memory key at every start, so the DS changes on every restart.
   */
  dnssecKey: string | null;
  /** CIDRs whose X-Forwarded-For is believed. */
  trustProxy: string[];
  /** Seconds a token's resolver set lives (1–60). */
  tokenTtl: number;
  /** Live tokens this node admits, in all and per source (admission.ts). */
  maxTokens: number;
  tokensPerSource: number;
  maxResolvers: number;
  /** Requests per second per source (burst = 2×); 0 = unlimited. */
  dnsRate: number;
  httpRate: number;
  stunRate: number;
  /** ASN + organisation CSV files (ip-location-db's asn format); null = no ASN/organisation lookups. */
  asnDb: string[] | null;
  /** MMDB country database; null = no country lookups. */
  countryDb: string | null;
}

export const DEFAULTS: Readonly<ServerConfig> = Object.freeze({
  zone: 'check.leakless.test',
  listen: ['127.0.0.1', '::1'],
  httpPort: 8080,
  httpsPort: null,
  dnsPort: 5353,
  stunPort: 3478,
  metricsPort: null,
  metricsListen: ['127.0.0.1'],
  store: 'memory',
  certPath: null,
  keyPath: null,
  address4: '127.0.0.1',
  address6: '::1',
  acmeCname: null,
  dnssecKey: null,
  trustProxy: [],
  tokenTtl: 30,
  maxTokens: 10_000,
  tokensPerSource: 1_000,
  maxResolvers: 32,
  dnsRate: 100,
  httpRate: 20,
  stunRate: 20,
  asnDb: defaultDataPaths('asn'),
  countryDb: defaultDataPaths('country')[0] ?? null,
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Fills defaults and checks cross-field rules; shared by the CLI and the programmatic API. */
export function validateConfig(input: Partial<ServerConfig>, opts: { inlineTls?: boolean } = {}): ServerConfig {
  const c: ServerConfig = { ...DEFAULTS, ...input };
  const zone = c.zone.toLowerCase().replace(/\.$/, '');
  const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
  // 190 leaves room for a 63-character token label in front of the zone.
  if (zone.length > 190 || !zone.split('.').every((l) => label.test(l))) {
    throw new ConfigError(`--zone: '${c.zone}' is not a valid DNS name (letters, digits, hyphens; at most 190 characters)`);
  }
  c.zone = zone;
  if (c.listen.length === 0) throw new ConfigError('--listen: at least one address is needed');
  for (const a of c.listen) {
    if (!isIPv4(a) && !isIPv6(a)) throw new ConfigError(`--listen: '${a}' is not an IP address`);
  }
  c.listen = [...new Set(c.listen)];
  if (c.metricsListen.length === 0) throw new ConfigError('--metrics-listen: at least one address is needed');
  for (const a of c.metricsListen) {
    if (!isIPv4(a) && !isIPv6(a)) throw new ConfigError(`--metrics-listen: '${a}' is not an IP address`);
  }
  const store = parseStoreTarget(c.store);
  if (store !== 'memory' && 'error' in store) throw new ConfigError(`--store: ${store.error}`);
  if (c.address4 !== null && !isIPv4(c.address4)) throw new ConfigError(`--address4: '${c.address4}' is not an IPv4 address`);
  if (c.address6 !== null && !isIPv6(c.address6)) throw new ConfigError(`--address6: '${c.address6}' is not an IPv6 address`);
  if (c.acmeCname !== null) {
    const target = c.acmeCname.toLowerCase().replace(/\.$/, '');
    // Underscores allowed: CNAME targets for ACME are often _acme-challenge names themselves.
    if (target.length > 253 || !target.split('.').every((l) => /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/.test(l))) {
      throw new ConfigError(`--acme-cname: '${c.acmeCname}' is not a valid DNS name`);
    }
    c.acmeCname = target;
  }
  for (const t of c.trustProxy) {
    if (!parseCidr(t)) throw new ConfigError(`--trust-proxy: '${t}' is not an address or CIDR`);
  }
  for (const [name, v] of [
    ['--http', c.httpPort],
    ['--https', c.httpsPort],
    ['--dns', c.dnsPort],
    ['--stun', c.stunPort],
    ['--metrics', c.metricsPort],
  ] as const) {
    if (v !== null && !(Number.isInteger(v) && v >= 0 && v <= 65535)) throw new ConfigError(`${name}: bad port ${v}`);
  }
  if (!(Number.isInteger(c.tokenTtl) && c.tokenTtl >= 1 && c.tokenTtl <= 60)) {
    throw new ConfigError(`--token-ttl: must be 1 to 60 seconds, got ${c.tokenTtl}`);
  }
  if (!(Number.isInteger(c.maxTokens) && c.maxTokens >= 1)) throw new ConfigError('--max-tokens: must be a positive integer');
  if (!(Number.isInteger(c.maxResolvers) && c.maxResolvers >= 1)) throw new ConfigError('--max-resolvers: must be a positive integer');
  if (!(Number.isInteger(c.tokensPerSource) && c.tokensPerSource >= 1)) {
    throw new ConfigError('--tokens-per-source: must be a positive integer');
  }
  const need = tableBytes(c.maxTokens, c.maxResolvers, store !== 'memory');
  if (need > TABLE_BUDGET) {
    const mib = (n: number) => Math.ceil(n / 2 ** 20);
    throw new ConfigError(
      `--max-tokens × --max-resolvers: up to ${mib(need)} MiB of tokens, over the ${mib(TABLE_BUDGET)} MiB that fit the documented MemoryMax=512M`,
    );
  }
  for (const [name, v] of [
    ['--dns-rate', c.dnsRate],
    ['--http-rate', c.httpRate],
    ['--stun-rate', c.stunRate],
  ] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new ConfigError(`${name}: must be 0 or more`);
  }
  if (c.asnDb !== null && c.asnDb.length === 0) throw new ConfigError('--asn-db: give at least one file, or off');
  if (c.countryDb === '') throw new ConfigError('--country-db: give a file, or off');
  if (opts.inlineTls) return c;
  if (c.httpsPort !== null && (c.certPath === null || c.keyPath === null)) {
    throw new ConfigError('--https needs both --cert and --key');
  }
  if (c.httpsPort === null && (c.certPath !== null || c.keyPath !== null)) {
    throw new ConfigError('--cert/--key given without --https <port>');
  }
  return c;
}
