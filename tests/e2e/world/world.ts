import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, type StunResponder, startServer, startStunResponder } from '../../../server/index.ts';
import { CHECK_SERVER_HTTPS_PORT, DNS_SHIM_PORT, FAKE_DOMAINS, FAKE_STUN_V4, RESOLVER_V4, SERVER_V4, SERVER_V6, ZONE } from './addresses';
import { startDnsShim } from './dns-shim';
import { type ResolverVariant, startResolver } from './dnsmasq';
import { createFaultState, type EndpointId } from './faults';
import { type HttpTraffic, type SeenRequest, startFakes } from './https-fakes';
import type { Scenario } from './scenario';

/** Everything the extension sent and got, as the world's servers counted it. */
export interface Traffic {
  /** HTTPS requests to the fakes and the check server (through its front). */
  readonly requests: number;
  readonly connections: number;
  /** Connections and requests per host name. */
  readonly byHost: HttpTraffic['byHost'];
  /** DNS queries that reached the check zone or the fakes' domains (the rest is answered by dnsmasq alone). */
  readonly dnsQueries: number;
  /** Bytes the browser sent / received: TCP payload on 443, UDP payload of the DNS queries above. */
  readonly bytesIn: number;
  readonly bytesOut: number;
  /** The check server's own counters (DNS queries it answered, HTTP requests, STUN). */
  readonly checkServer: ReturnType<RunningServer['counters']>;
}

export interface World {
  /** Setting a new scenario also brings back a network that a 'network-gone' fault took away. */
  scenario: Scenario;
  /** Requests the fake third-party providers and the check server's front saw. */
  readonly seen: readonly SeenRequest[];
  readonly server: RunningServer;
  /** Restarts the sandbox's resolver as another variant (ECS, ...); the default is the plain forwarder. */
  useResolver(variant: ResolverVariant): Promise<void>;
  /**
   * Makes the front of the check server (it terminates TLS with the world's test certificate and passes each
   * request on) act as an intercepting proxy that adds these headers; none is the default.
   */
  useProxy(adds: Readonly<Record<string, string>>): void;
  traffic(): Traffic;
  /** The first TCP connection or DNS query the world saw at or after `epochMs` (epoch ms), or null. */
  firstActivitySince(epochMs: number): number | null;
  close(): Promise<void>;
}

const tls = () => ({
  cert: readFileSync(new URL('../../fixtures/tls/cert.pem', import.meta.url)),
  key: readFileSync(new URL('../../fixtures/tls/key.pem', import.meta.url)),
});

/** STUN faults can only be silence: a UDP responder that does not answer (refused, hung, or the network gone). */
const SILENT_STUN = new Set(['refuse', 'hang', 'network-gone']);

export interface WorldOptions {
  /**
   * Rows of an ASN database in the check server's CSV format (`start,end,asn,"organisation"`): the server then
   * names the operator of the world's addresses itself. Without them it runs with no operator data at all, so
   * only the fakes say who operates an address.
   */
  readonly operators?: readonly string[];
}

/**
 * Everything the extension talks to, inside the sandbox: resolver, check server (behind a front on 443 and a
 * DNS shim, where faults and delays are injected), fake providers, fake STUN.
 */
export async function startWorld(initial: Scenario, options: WorldOptions = {}): Promise<World> {
  if (process.env.LEAKLESS_SANDBOX !== '1') throw new Error('run inside scripts/sandbox.sh: the world binds sandbox-only addresses');
  let current = initial;
  let proxyAdds: Readonly<Record<string, string>> = {};
  const faults = createFaultState(() => current.faults);
  const stops: (() => Promise<unknown>)[] = [];
  try {
    let resolver = await startResolver();
    stops.push(() => resolver.close());
    let asnDb: string[] | null = null;
    if (options.operators) {
      const dir = mkdtempSync(join(tmpdir(), 'leakless-world-'));
      stops.push(async () => rmSync(dir, { recursive: true, force: true }));
      asnDb = [join(dir, 'asn.csv')];
      writeFileSync(asnDb[0] as string, `${options.operators.join('\n')}\n`);
    }
    const server = await startServer({
      zone: ZONE,
      listen: [SERVER_V4, SERVER_V6],
      httpPort: null,
      httpsPort: CHECK_SERVER_HTTPS_PORT,
      dnsPort: 53,
      stunPort: null,
      address4: SERVER_V4,
      address6: SERVER_V6,
      tls: tls(),
      // The browser sends every request of a check at once; a real deployment keeps the limits.
      httpRate: 0,
      dnsRate: 0,
      asnDb,
      // No small country file can be made here (no maintained MMDB writer on npm); the unit tests cover it.
      countryDb: null,
    });
    stops.push(() => server.close());
    const shim = await startDnsShim({
      listen: { address: SERVER_V4, port: DNS_SHIM_PORT },
      upstream: { address: SERVER_V4, port: 53, source: RESOLVER_V4 },
      localDomains: FAKE_DOMAINS,
      faults,
      delayMs: () => current.delayMs ?? 0,
    });
    stops.push(() => shim.close());
    // The check server's STUN, and a third-party one; a scenario may make both report another address.
    const stunFor = (endpoint: EndpointId) => (rinfo: { address: string; port: number }) => {
      const fault = faults.faultFor(endpoint);
      const silent = fault && SILENT_STUN.has(fault) && (fault !== 'network-gone' || faults.gone(endpoint, false));
      // No drop hook exists: a port past 65535 makes the responder's encoder refuse, and the responder drops the
      // request (its own catch). Throwing here instead would escape the responder as an uncaught exception.
      return { address: current.stunReveals ?? rinfo.address, port: silent ? 0x10000 : rinfo.port };
    };
    const stuns: StunResponder[] = await Promise.all([
      // Both families, as a real deployment would: a family left unanswered keeps ICE gathering open for seconds.
      startStunResponder({ listen: [SERVER_V4, SERVER_V6], port: 3478, mapAddress: stunFor('leakless-stun') }),
      startStunResponder({ listen: [FAKE_STUN_V4], port: 3478, mapAddress: stunFor('cloudflare-stun') }),
    ]);
    for (const stun of stuns) stops.push(() => stun.close());
    const fakes = await startFakes(['127.0.0.1', '::1', '1.0.0.1', SERVER_V4, SERVER_V6], () => current, {
      faults,
      checkServerPort: CHECK_SERVER_HTTPS_PORT,
      proxyAdds: () => proxyAdds,
    });
    stops.push(() => fakes.close());
    const world: World = {
      get scenario() {
        return current;
      },
      set scenario(next: Scenario) {
        current = next;
        faults.reset();
      },
      seen: fakes.seen,
      server,
      async useResolver(variant) {
        await resolver.close();
        resolver = await startResolver(variant, server.dnssec?.ds);
      },
      useProxy(adds) {
        proxyAdds = adds;
      },
      traffic() {
        const http = fakes.traffic();
        const dns = shim.traffic();
        return {
          requests: http.requests,
          connections: http.connections,
          byHost: http.byHost,
          dnsQueries: dns.queries,
          bytesIn: http.bytesIn + dns.bytesIn,
          bytesOut: http.bytesOut + dns.bytesOut,
          checkServer: server.counters(),
        };
      },
      firstActivitySince(epochMs) {
        const times = [...fakes.connectedAt(), ...shim.arrivals()].filter((t) => t >= epochMs);
        return times.length > 0 ? Math.min(...times) : null;
      },
      close: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    };
    return world;
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw err;
  }
}
