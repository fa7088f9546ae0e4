// The command line: the usage text and the flag parser. What the flags set, their defaults and the checks
// across them are in config.ts, which the programmatic API uses too.
import { ConfigError, DEFAULTS, type ServerConfig, validateConfig } from './config.ts';

export const USAGE = `usage: leakless-server [options]
  --zone <name>            delegated zone (default ${DEFAULTS.zone})
  --listen <addr,...>      bind addresses (default ${DEFAULTS.listen.join(',')}; '::' = all, dual-stack)
  --http <port|off>        plain HTTP port (default ${DEFAULTS.httpPort})
  --https <port|off>       HTTPS port, needs --cert and --key (default off)
  --cert <path>            PEM certificate chain for *.zone and zone
  --key <path>             PEM private key
  --dns <port|off>         authoritative DNS, UDP+TCP (default ${DEFAULTS.dnsPort})
  --stun <port|off>        STUN binding responder, UDP (default ${DEFAULTS.stunPort})
  --metrics <port|off>     Prometheus /metrics on its own listener (default off)
  --metrics-listen <addr,...> where /metrics listens (default ${DEFAULTS.metricsListen.join(',')})
  --store <memory|url>     where results live: memory, or redis://host:port, rediss://…,
                           redis-cluster://host:port,… shared by several nodes (default memory)
  --address4 <ip|none>     A records point here (default ${DEFAULTS.address4})
  --address6 <ip|none>     AAAA records point here (default ${DEFAULTS.address6})
  --acme-cname <name>      answer _acme-challenge.<zone> with a CNAME to <name> (wildcard certs via DNS-01)
  --dnssec-key <path>      the zone's signing key (PEM); generated there (mode 0600) if missing; share one
                           file across nodes (default: a new in-memory key at every start)
  --print-ds               print the DS record for the parent zone (and the DNSKEY) and exit
  --trust-proxy <cidr,...> believe X-Forwarded-For only from these peers (default none)
  --token-ttl <s>          token lifetime, 1-60 (default ${DEFAULTS.tokenTtl})
  --max-tokens <n>         live tokens admitted by this node (default ${DEFAULTS.maxTokens})
  --tokens-per-source <n>  live tokens one resolver may create (default ${DEFAULTS.tokensPerSource})
  --max-resolvers <n>      resolvers kept per token (default ${DEFAULTS.maxResolvers})
  --dns-rate <n>           DNS queries/s per source, 0 = unlimited (default ${DEFAULTS.dnsRate})
  --http-rate <n>          HTTP requests/s per source, 0 = unlimited (default ${DEFAULTS.httpRate})
  --stun-rate <n>          STUN requests/s per source, 0 = unlimited (default ${DEFAULTS.stunRate})
  --asn-db <file,...|off>  IP→ASN+organisation CSV files (default the bundled ip-location-db asn files)
  --country-db <file|off>  IP→country MMDB (default the bundled ip-location-db iptoasn-country file)
  --help                   this text`;

type Setter = (config: ServerConfig, value: string, flag: string) => void;

function int(value: string, flag: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= min && n <= max)) throw new ConfigError(`${flag}: expected an integer from ${min} to ${max}, got '${value}'`);
  return n;
}

function port(value: string, flag: string): number | null {
  return value === 'off' ? null : int(value, flag, 0, 65535);
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const SETTERS: Record<string, Setter> = {
  zone: (c, v) => {
    c.zone = v;
  },
  listen: (c, v) => {
    c.listen = list(v);
  },
  http: (c, v, f) => {
    c.httpPort = port(v, f);
  },
  https: (c, v, f) => {
    c.httpsPort = port(v, f);
  },
  dns: (c, v, f) => {
    c.dnsPort = port(v, f);
  },
  stun: (c, v, f) => {
    c.stunPort = port(v, f);
  },
  metrics: (c, v, f) => {
    c.metricsPort = port(v, f);
  },
  'metrics-listen': (c, v) => {
    c.metricsListen = list(v);
  },
  store: (c, v) => {
    c.store = v;
  },
  cert: (c, v) => {
    c.certPath = v;
  },
  key: (c, v) => {
    c.keyPath = v;
  },
  address4: (c, v) => {
    c.address4 = v === 'none' ? null : v;
  },
  address6: (c, v) => {
    c.address6 = v === 'none' ? null : v;
  },
  'acme-cname': (c, v) => {
    c.acmeCname = v;
  },
  'dnssec-key': (c, v) => {
    c.dnssecKey = v;
  },
  'trust-proxy': (c, v) => {
    c.trustProxy = list(v);
  },
  'token-ttl': (c, v, f) => {
    c.tokenTtl = int(v, f, 1, 60);
  },
  'max-tokens': (c, v, f) => {
    c.maxTokens = int(v, f, 1, 1_000_000);
  },
  'tokens-per-source': (c, v, f) => {
    c.tokensPerSource = int(v, f, 1, 1_000_000);
  },
  'max-resolvers': (c, v, f) => {
    c.maxResolvers = int(v, f, 1, 1024);
  },
  'dns-rate': (c, v, f) => {
    c.dnsRate = int(v, f, 0, 1_000_000);
  },
  'http-rate': (c, v, f) => {
    c.httpRate = int(v, f, 0, 1_000_000);
  },
  'stun-rate': (c, v, f) => {
    c.stunRate = int(v, f, 0, 1_000_000);
  },
  'asn-db': (c, v) => {
    c.asnDb = v === 'off' ? null : list(v);
  },
  'country-db': (c, v) => {
    c.countryDb = v === 'off' ? null : v;
  },
};

/** Parses CLI flags (pure: touches no file). Returns 'help' for --help. Throws ConfigError. */
export function parseArgs(argv: readonly string[]): ServerConfig | 'help' {
  const config: ServerConfig = {
    ...DEFAULTS,
    listen: [...DEFAULTS.listen],
    metricsListen: [...DEFAULTS.metricsListen],
    trustProxy: [],
    asnDb: DEFAULTS.asnDb && [...DEFAULTS.asnDb],
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return 'help';
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/s.exec(arg);
    const setter = m?.[1] === undefined ? undefined : SETTERS[m[1]];
    if (!m || !setter) throw new ConfigError(`unknown option '${arg}' (see --help)`);
    let value = m[2];
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new ConfigError(`--${m[1]} needs a value`);
    }
    setter(config, value, `--${m[1]}`);
  }
  return validateConfig(config);
}
