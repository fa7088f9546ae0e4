/**
 * Several nodes on one Valkey/Redis: two DNS nodes and two HTTPS nodes, each a separate process
 * running the compiled bundle on its own loopback address. A name resolved through one node is read
 * from another; with the store stopped, DNS still answers and reads fail clearly; when the store
 * returns, service comes back by itself.
 */
import { Resolver } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import type net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLeaklessDns } from '../src/probes/dns/leakless.ts';
import { buildBundle, metric, type NodeProcess, startNode } from './nodes-testing.ts';
import { startRedis, type TestRedis } from './redis-testing.ts';
import { freshSecret, httpGet, IP_DATA_OFF_ARGS, waitFor } from './testing.ts';

const ZONE = 'check.leakless.test';
const FIXTURES = fileURLToPath(new URL('../tests/fixtures/tls/', import.meta.url));
const ca = `${FIXTURES}cert.pem`;

let redis: TestRedis;
const nodes: Record<'dnsA' | 'dnsB' | 'webA' | 'webB', NodeProcess> = {} as never;
const addr = { dnsA: '127.0.0.2', dnsB: '127.0.0.3', webA: '127.0.0.4', webB: '127.0.0.5' } as const;

beforeAll(async () => {
  [redis] = await Promise.all([startRedis(), buildBundle()]);
  const common = [
    '--zone',
    ZONE,
    '--store',
    redis.url,
    '--metrics',
    '0',
    '--dns-rate',
    '0',
    '--http-rate',
    '0',
    '--stun',
    'off',
    ...IP_DATA_OFF_ARGS,
  ];
  const dns = (a: string) => [...common, '--listen', a, '--metrics-listen', a, '--dns', '0', '--http', 'off'];
  const web = (a: string) => [...common, '--listen', a, '--metrics-listen', a, '--dns', 'off', '--http', 'off', '--https', '0'];
  const tls = ['--cert', ca, '--key', `${FIXTURES}key.pem`];
  const started = await Promise.all([
    startNode(dns(addr.dnsA)),
    startNode(dns(addr.dnsB)),
    startNode([...web(addr.webA), ...tls]),
    startNode([...web(addr.webB), ...tls]),
  ]);
  [nodes.dnsA, nodes.dnsB, nodes.webA, nodes.webB] = started;
}, 60_000);
afterAll(async () => {
  await Promise.all(Object.values(nodes).map((n) => n.stop()));
  await redis?.stop();
});

/** The browser's resolver, asking one DNS node from its own address. */
async function resolve(node: 'dnsA' | 'dnsB', label: string, from: string): Promise<string[]> {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([`${addr[node]}:${nodes[node].ports.dns}`]);
  r.setLocalAddress(from);
  return r.resolve4(`${label}.${ZONE}`);
}

/** The extension's read, https://<label>.Z/dns/<secret>, landing on one HTTPS node. */
function read(node: 'webA' | 'webB', label: string, secret: string) {
  const lookup = ((_h: string, o: { all?: boolean }, cb: (e: null, a: unknown, f?: number) => void) =>
    o.all ? cb(null, [{ address: addr[node], family: 4 }]) : cb(null, addr[node], 4)) as unknown as net.LookupFunction;
  return httpGet(`https://${label}.${ZONE}:${nodes[node].ports.https}/dns/${secret}`, { ca: readCa(), lookup });
}
const readCa = () => readFileSync(ca);

describe('several nodes on one store', () => {
  it('a name resolved through one DNS node is read from another HTTPS node, once', async () => {
    const { secret, label } = freshSecret();
    expect(await resolve('dnsA', label, '127.0.0.21')).toEqual(['127.0.0.1']);
    expect(await resolve('dnsB', label, '127.0.0.22')).toEqual(['127.0.0.1']);
    const r = await read('webB', label, secret);
    expect(r.json).toEqual({
      token: secret,
      resolvers: [
        { ip: '127.0.0.21', family: 4 },
        { ip: '127.0.0.22', family: 4 },
      ],
    });
    expect((await read('webA', label, secret)).json).toEqual({ token: secret, resolvers: [] });
  });

  it('with the store stopped DNS answers, reads say results are unavailable and counters show it; it recovers by itself', async () => {
    await redis.stop();
    const down = freshSecret();
    expect(await resolve('dnsA', down.label, '127.0.0.23')).toEqual(['127.0.0.1']);
    const r = await read('webA', down.label, down.secret);
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ error: 'results unavailable', code: 'store-unavailable' });
    // The extension shows it as a failure, not as "no resolvers".
    expect(parseLeaklessDns(r.body, down.secret).ok).toBe(false);
    const [dnsMetrics, webMetrics] = await Promise.all([nodes.dnsA.metrics(), nodes.webA.metrics()]);
    expect(metric(dnsMetrics, 'leakless_store_write_errors_total')).toBeGreaterThanOrEqual(1);
    expect(metric(dnsMetrics, 'leakless_store_up')).toBe(0);
    expect(metric(webMetrics, 'leakless_store_read_errors_total')).toBeGreaterThanOrEqual(1);

    await redis.start();
    const back = await waitFor(
      async () => {
        const t = freshSecret();
        await resolve('dnsA', t.label, '127.0.0.24');
        const res = await read('webB', t.label, t.secret);
        return res.status === 200 && (res.json as { resolvers: unknown[] }).resolvers.length === 1 ? res.json : null;
      },
      15_000,
      200,
    );
    expect(back).toMatchObject({ resolvers: [{ ip: '127.0.0.24', family: 4 }] });
    expect(metric(await nodes.dnsA.metrics(), 'leakless_store_up')).toBe(1);
  }, 40_000);
});
