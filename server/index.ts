/** Programmatic API: the CLI, `npm start` and the e2e harness all run the server through here. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import tls from 'node:tls';
import { createAdmission } from './admission.ts';
import { type Bound, bindAll, serverBinder, udpBinder } from './bind.ts';
import { ConfigError, type ServerConfig, validateConfig } from './config.ts';
import { createConnectionCap } from './conncap.ts';
import { type Counters, createCounters } from './counters.ts';
import { prepareZone } from './dns/answer.ts';
import { dnskeyLine, dsLine, generateZoneKey, loadOrCreateKeyFile, type ZoneKey } from './dns/dnssec/key.ts';
import { listenDns } from './dns/listen.ts';
import { createHttpHandler, hardenServer, SERVER_OPTIONS, type WebServer } from './http.ts';
import { createHttpsServer } from './https.ts';
import { type Cidr, normalizePeer, type Peer, parseCidr } from './ip.ts';
import { openIpData } from './ipdata/index.ts';
import { LIMITS, type Limits } from './limits.ts';
import { exposition, type Gauges } from './metrics.ts';
import { listenMetrics } from './metrics-listen.ts';
import { createRateLimiter } from './ratelimit.ts';
import { createResults } from './results.ts';
import { openStore } from './store/open.ts';
import { parseStoreTarget } from './store/target.ts';
import { createStunHandler } from './stun/listen.ts';

export { parseArgs, USAGE } from './args.ts';
export { ConfigError, DEFAULTS, type ServerConfig, validateConfig } from './config.ts';
export type { Counters } from './counters.ts';
export type { Peer } from './ip.ts';
export type { Limits } from './limits.ts';
export type { Gauges } from './metrics.ts';
export { labelFor } from './secret.ts';
export { decodeXorMappedAddress, encodeBindingSuccess, parseBindingRequest } from './stun/codec.ts';
export { type MappedAddress, type StunResponder, type StunResponderOptions, startStunResponder } from './stun/listen.ts';

export interface ServerOptions extends Partial<ServerConfig> {
  /** PEM cert/key given directly instead of --cert/--key paths. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * Test hook: rewrites the client address the server observes (HTTP /ip, DNS resolver records and
   * whoami, STUN). The CLI never sets it.
   */
  mapAddress?: (peer: Peer) => Peer;
  /** Connection limits (limits.ts); tests lower them to reach them with a few sockets. */
  limits?: Partial<Limits>;
  /** Test hooks: a signing key given directly instead of --dnssec-key, and the signer's clock (epoch seconds). */
  zoneKey?: ZoneKey;
  dnssecClock?: () => number;
}

/** Where the zone's signing key came from, and what the parent zone must publish for it. */
export interface DnssecInfo {
  key: 'file' | 'created' | 'memory';
  keyTag: number;
  /** The DS record in zone-file syntax, for the parent zone. */
  ds: string;
  /** The DNSKEY in zone-file syntax (a trust anchor for delv, unbound). */
  dnskey: string;
}

/** The zone's key: the given one, the --dnssec-key file (made if missing), or a fresh in-memory one. */
export function zoneKeyFor(config: ServerConfig, given?: ZoneKey): { key: ZoneKey; info: DnssecInfo } {
  let key: ZoneKey;
  let source: DnssecInfo['key'] = 'memory';
  if (given) key = given;
  else if (config.dnssecKey === null) key = generateZoneKey();
  else {
    const loaded = loadOrCreateKeyFile(config.dnssecKey);
    key = loaded.key;
    source = loaded.created ? 'created' : 'file';
  }
  return { key, info: { key: source, keyTag: key.keyTag, ds: dsLine(config.zone, key), dnskey: dnskeyLine(config.zone, key) } };
}

export interface RunningServer {
  config: ServerConfig;
  /** Ports actually bound (differs from config when 0 was asked); null = service off. */
  ports: { http: number | null; https: number | null; dns: number | null; stun: number | null; metrics: number | null };
  /** null when DNS is off. */
  dnssec: DnssecInfo | null;
  counters(): Counters;
  gauges(): Gauges;
  close(): Promise<void>;
}

function readPem(path: string, flag: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigError(`${flag}: cannot read '${path}' (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function loadTls(options: ServerOptions, config: ServerConfig): tls.SecureContextOptions | null {
  if (config.httpsPort === null) return null;
  const pem = options.tls ?? { cert: readPem(config.certPath ?? '', '--cert'), key: readPem(config.keyPath ?? '', '--key') };
  const ctx: tls.SecureContextOptions = { cert: pem.cert, key: pem.key, minVersion: 'TLSv1.2' };
  try {
    tls.createSecureContext(ctx);
  } catch (err) {
    throw new ConfigError(`--cert/--key: not a usable PEM certificate and key (${(err as Error).message})`);
  }
  return ctx;
}

async function bindService(name: string, port: number, listen: readonly string[], bind: () => Promise<Bound>): Promise<Bound> {
  try {
    return await bind();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`cannot listen for ${name} on port ${port} at ${listen.join(',')}: ${code}`);
  }
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { tls: _inline, mapAddress, limits: limitOverrides, zoneKey, dnssecClock, ...rest } = options;
  const config = validateConfig(rest, { inlineTls: options.tls !== undefined });
  const tlsOptions = loadTls(options, config);
  const trustProxy = config.trustProxy.map((t) => parseCidr(t)).filter((c): c is Cidr => c !== null);
  const limits: Limits = { ...LIMITS, ...limitOverrides };
  // Before anything binds: a missing database must stop the start, not leave half a server running.
  const ipData = await openIpData(config.asnDb, config.countryDb);

  const counters = createCounters();
  const target = parseStoreTarget(config.store);
  if (target !== 'memory' && 'error' in target) throw new ConfigError(`--store: ${target.error}`);
  const store = await openStore(target, { ttlSeconds: config.tokenTtl, maxResolvers: config.maxResolvers });
  const admission = createAdmission({ maxTokens: config.maxTokens, perSource: config.tokensPerSource, ttlMs: config.tokenTtl * 1000 });
  const results = createResults(store, admission, counters);
  const limiters = {
    dns: createRateLimiter({ rate: config.dnsRate }),
    http: createRateLimiter({ rate: config.httpRate }),
    stun: createRateLimiter({ rate: config.stunRate }),
  };
  const gauges = (): Gauges => {
    admission.sweep(Date.now());
    return { tokensLive: admission.size, storeUp: results.storeUp ? 1 : 0 };
  };

  const bound: Bound[] = [];
  const closeAll = async () => void (await Promise.all(bound.splice(0).map((b) => b.close())));
  const ports: RunningServer['ports'] = { http: null, https: null, dns: null, stun: null, metrics: null };
  const listen = config.listen;
  let dnssec: DnssecInfo | null = null;
  try {
    const dnsPort = config.dnsPort;
    if (dnsPort !== null) {
      const signing = zoneKeyFor(config, zoneKey);
      dnssec = signing.info;
      const zone = prepareZone(config.zone, config.address4, config.address6, config.acmeCname, signing.key, dnssecClock);
      const deps = { zone, results, counters, limiter: limiters.dns, limits, ...(mapAddress ? { mapAddress } : {}) };
      const b = await bindService('dns', dnsPort, listen, () => listenDns(deps, listen, dnsPort));
      bound.push(b);
      ports.dns = b.port;
    }
    const stunPort = config.stunPort;
    if (stunPort !== null) {
      const stunMap = mapAddress
        ? (r: { address: string; port: number }) => {
            const peer = normalizePeer(r.address);
            return { address: peer ? mapAddress(peer).address : r.address, port: r.port };
          }
        : undefined;
      const handler = createStunHandler({ counters, limiter: limiters.stun, ...(stunMap ? { mapAddress: stunMap } : {}) });
      const b = await bindService('stun', stunPort, listen, () => bindAll([udpBinder(handler)], listen, stunPort));
      bound.push(b);
      ports.stun = b.port;
    }
    const handler = createHttpHandler({
      trustProxy,
      results,
      counters,
      limiter: limiters.http,
      ipData,
      ...(mapAddress ? { mapAddress } : {}),
    });
    const hardening = { limits, cap: createConnectionCap(limits.httpConnectionsPerSource), trustProxy, counters };
    const web: [string, number | null, () => WebServer][] = [
      ['http', config.httpPort, () => http.createServer(SERVER_OPTIONS, handler)],
      ['https', config.httpsPort, () => createHttpsServer(tlsOptions ?? {}, limits, handler)],
    ];
    for (const [name, port, create] of web) {
      if (port === null) continue;
      const binder = serverBinder(() => {
        const s = create();
        hardenServer(s, hardening);
        return s;
      });
      const b = await bindService(name, port, listen, () => bindAll([binder], listen, port));
      bound.push(b);
      ports[name as 'http' | 'https'] = b.port;
    }
    const metricsPort = config.metricsPort;
    if (metricsPort !== null) {
      const render = () => exposition(counters, gauges());
      const b = await bindService('metrics', metricsPort, config.metricsListen, () =>
        listenMetrics(render, config.metricsListen, metricsPort),
      );
      bound.push(b);
      ports.metrics = b.port;
    }
  } catch (err) {
    await closeAll();
    await store.close();
    throw err;
  }

  const sweeper = setInterval(() => {
    for (const l of Object.values(limiters)) l.sweep();
    admission.sweep(Date.now());
  }, 10_000);
  sweeper.unref();

  return {
    config,
    ports,
    dnssec,
    counters: () => structuredClone(counters),
    gauges,
    close: async () => {
      clearInterval(sweeper);
      await closeAll();
      await store.close();
    },
  };
}
