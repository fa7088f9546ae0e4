/**
 * A real recursive resolver in front of the server: proves that what gets recorded is the address of
 * the resolver that asked us, not the address of the client that asked the resolver.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../index.ts';
import { freeUdpPort, freshSecret, httpGet, IP_DATA_OFF, requireCommand, waitFor } from '../testing.ts';

const ZONE = 'check.leakless.test';

describe('through dnsmasq', () => {
  let server: RunningServer;
  let dnsmasq: ChildProcess;
  let port: number;
  let stderr = '';

  const client = () => {
    const r = new Resolver({ timeout: 1000, tries: 1 });
    r.setServers([`127.0.0.2:${port}`]);
    r.setLocalAddress('127.0.0.3'); // the "browser": not the address the resolver uses upstream
    return r;
  };

  beforeAll(async () => {
    requireCommand('dnsmasq');
    server = await startServer({ ...IP_DATA_OFF, listen: ['127.0.0.1'], httpPort: 0, dnsPort: 0, stunPort: null, dnsRate: 0, httpRate: 0 });
    port = await freeUdpPort('127.0.0.2');
    // Forwards only the test zone, to loopback; no upstreams, no hosts file, no config file.
    dnsmasq = spawn(
      'dnsmasq',
      [
        '--no-daemon',
        '--conf-file=/dev/null',
        '--no-resolv',
        '--no-hosts',
        '--listen-address=127.0.0.2',
        '--bind-interfaces',
        `--port=${port}`,
        `--server=/${ZONE}/127.0.0.1#${server.ports.dns}`,
        '--add-subnet=24,56',
        '--pid-file=',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    dnsmasq.stderr?.on('data', (d) => {
      stderr += d;
    });
    await waitFor(
      async () =>
        (await client()
          .resolve4(`ipv4.${ZONE}`)
          .catch(() => null)) !== null,
      5000,
    ).catch(() => {
      throw new Error(`dnsmasq did not come up: ${stderr}`);
    });
  });

  afterAll(async () => {
    if (dnsmasq?.exitCode === null) {
      const exited = new Promise((r) => dnsmasq.once('exit', r));
      dnsmasq.kill('SIGTERM');
      await exited;
    }
    await server?.close();
  });

  it("records dnsmasq's upstream address (and its ECS), not the client's", async () => {
    const { secret, label } = freshSecret();
    expect(await client().resolve4(`${label}.${ZONE}`)).toEqual(['127.0.0.1']);
    const r = await httpGet(`http://127.0.0.1:${server.ports.http}/dns/${secret}`);
    expect(r.json).toEqual({ token: secret, resolvers: [{ ip: '127.0.0.1', family: 4, ecs: '127.0.0.0/24' }] });
    expect(r.body).not.toContain('127.0.0.3');
  });

  it('forwards nothing outside the zone', async () => {
    const before = server.counters().dns.queries;
    await expect(client().resolve4('example.com')).rejects.toBeTruthy();
    expect(server.counters().dns.queries).toBe(before);
  });
});
