import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dnsmasqValidating } from '../../../server/testing.ts';
import { DNS_SHIM_PORT, FAKE_DOMAINS, FAKE_STUN_V4, RESOLVER_V4, SERVER_V4, ZONE } from './addresses';

/**
 * The sandbox's recursive resolver on 127.0.0.1:53 (the only nameserver in its resolv.conf): it forwards
 * the check server's zone to the check server from RESOLVER_V4 — so the server sees a resolver that is
 * not the browser — points the fake providers' names at the fakes, and says NXDOMAIN to everything else.
 * The zone and the fakes' leak-test domains go through the DNS shim (dns-shim.ts), where answers can be
 * delayed or faulted; the shim asks the check server from RESOLVER_V4 too. A variant changes how it forwards.
 */
export interface ResolverVariant {
  /** dnsmasq's --add-subnet: the EDNS Client Subnet it forwards upstream ("84.171.20.0/24"); none when absent. */
  readonly addSubnet?: string;
  /** Validate DNSSEC with the check zone's DS as trust anchor (dnsmasq's --dnssec); not validating when absent. */
  readonly validate?: boolean;
}

/** `zoneDs`: the check server's DS record (zone-file syntax), the trust anchor of a validating variant. */
export async function startResolver(variant: ResolverVariant = {}, zoneDs = ''): Promise<{ close(): Promise<void> }> {
  const args = [
    '--keep-in-foreground',
    '--no-resolv',
    '--no-hosts',
    '--no-poll',
    '--no-negcache',
    // dnsmasq validates only with its cache on; every name a check asks is fresh, so none is answered from it.
    ...(variant.validate ? dnsmasqValidating(zoneDs) : ['--cache-size=0']),
    '--listen-address=127.0.0.1',
    '--bind-interfaces',
    '--port=53',
    '--user=root',
    '--pid-file=',
    ...[ZONE, ...FAKE_DOMAINS].map((d) => `--server=/${d}/${SERVER_V4}#${DNS_SHIM_PORT}@${RESOLVER_V4}`),
    '--address=/am.i.mullvad.net/127.0.0.1',
    '--address=/ipify.org/127.0.0.1',
    `--address=/stun.cloudflare.com/${FAKE_STUN_V4}`,
    '--address=/#/',
    ...(variant.addSubnet ? [`--add-subnet=${variant.addSubnet}`] : []),
  ];
  const child: ChildProcess = spawn('dnsmasq', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  // dnsmasq says nothing when it is ready; wait until it answers.
  const { Resolver } = await import('node:dns/promises');
  const resolver = new Resolver({ timeout: 200, tries: 1 });
  resolver.setServers(['127.0.0.1:53']);
  // A refused query returns at once, so the wait is bounded by time, not by tries; a dnsmasq that never
  // answers is killed, or it would hold port 53 (with its variant) for every test file after this one.
  const giveUpAt = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`dnsmasq exited: ${stderr}`);
    try {
      await resolver.resolve4('api4.ipify.org');
      break;
    } catch (err) {
      if (Date.now() > giveUpAt) {
        child.kill('SIGKILL');
        throw new Error(`dnsmasq did not answer: ${String(err)} ${stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  return {
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}
