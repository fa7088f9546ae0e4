import { readFileSync } from 'node:fs';
import { type RunningServer, type StunResponder, startServer, startStunResponder } from '../../../server/index.ts';
import { FAKE_STUN_V4, SERVER_V4, SERVER_V6, ZONE } from './addresses';
import { startResolver } from './dnsmasq';
import { type SeenRequest, startFakes } from './https-fakes';
import type { Scenario } from './scenario';

export interface World {
  scenario: Scenario;
  /** Requests the fake third-party providers saw. */
  readonly seen: readonly SeenRequest[];
  readonly server: RunningServer;
  close(): Promise<void>;
}

const tls = () => ({
  cert: readFileSync(new URL('../../fixtures/tls/cert.pem', import.meta.url)),
  key: readFileSync(new URL('../../fixtures/tls/key.pem', import.meta.url)),
});

/** Everything the extension talks to, inside the sandbox: resolver, check server, fake providers, fake STUN. */
export async function startWorld(initial: Scenario): Promise<World> {
  if (process.env.LEAKLESS_SANDBOX !== '1') throw new Error('run inside scripts/sandbox.sh: the world binds sandbox-only addresses');
  const world = { scenario: initial } as { scenario: Scenario };
  const stops: (() => Promise<unknown>)[] = [];
  try {
    const resolver = await startResolver();
    stops.push(() => resolver.close());
    const server = await startServer({
      zone: ZONE,
      listen: [SERVER_V4, SERVER_V6],
      httpPort: null,
      httpsPort: 443,
      dnsPort: 53,
      stunPort: null,
      address4: SERVER_V4,
      address6: SERVER_V6,
      tls: tls(),
      // The browser sends every request of a check at once; a real deployment keeps the limits.
      httpRate: 0,
      dnsRate: 0,
    });
    stops.push(() => server.close());
    // The check server's STUN, and a third-party one; a scenario may make both report another address.
    const mapAddress = (rinfo: { address: string; port: number }) => ({ address: world.scenario.stunReveals ?? rinfo.address, port: rinfo.port });
    const stuns: StunResponder[] = await Promise.all([
      startStunResponder({ listen: [SERVER_V4], port: 3478, mapAddress }),
      startStunResponder({ listen: [FAKE_STUN_V4], port: 3478, mapAddress }),
    ]);
    for (const stun of stuns) stops.push(() => stun.close());
    const fakes = await startFakes(['127.0.0.1', '::1', '1.0.0.1'], () => world.scenario);
    stops.push(() => fakes.close());
    return Object.assign(world, {
      seen: fakes.seen,
      server,
      close: async () => {
        for (const stop of stops.reverse()) await stop();
      },
    });
  } catch (err) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw err;
  }
}
