/** The server's answers carry the operator of each address they report, from the local databases only. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS } from '../config.ts';
import { type RunningServer, startServer } from '../index.ts';
import { dnsQuery, freshSecret, httpGet } from '../testing.ts';

const ZONE = 'check.leakless.test';
const dir = mkdtempSync(join(tmpdir(), 'leakless-ops-'));
const asnCsv = join(dir, 'asn.csv');
// Loopback stands in for public space here; 8.8.8.0/24 is mapped below to reach the real country file.
writeFileSync(asnCsv, '8.8.8.0,8.8.8.255,64500,"Example DNS, Inc."\n127.0.0.6,127.0.0.6,64501,Example\u0007 Resolver\n::1,::1,64502,Six\n');

let s: RunningServer;
let base: string;
beforeAll(async () => {
  s = await startServer({
    listen: ['127.0.0.1', '::1'],
    httpPort: 0,
    dnsPort: 0,
    stunPort: null,
    dnsRate: 0,
    httpRate: 0,
    asnDb: [asnCsv],
    countryDb: DEFAULTS.countryDb,
    // Only for /ip, /headers and the records: the test reaches a public address's entries this way.
    mapAddress: (p) => (p.address === '127.0.0.9' ? { address: '8.8.8.8', family: 4 } : p),
  });
  base = `http://127.0.0.1:${s.ports.http}`;
});
afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('operators in the answers', () => {
  it('/ip: country from the MMDB, ASN and organisation from the CSV; absent where they know nothing', async () => {
    expect((await httpGet(`${base}/ip`, { localAddress: '127.0.0.9' })).json).toEqual({
      ip: '8.8.8.8',
      family: 4,
      country: 'US',
      asn: 64500,
      org: 'Example DNS, Inc.',
    });
    expect((await httpGet(`${base}/ip`, { localAddress: '127.0.0.3' })).json).toEqual({ ip: '127.0.0.3', family: 4 });
  });

  it('/dns: each resolver with its own operator; the text goes out as the file has it (the extension cleans it)', async () => {
    const { secret, label } = freshSecret();
    await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'A', { localAddress: '127.0.0.6' });
    await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'A', { localAddress: '127.0.0.7' });
    await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'AAAA', { host: '::1' });
    expect((await httpGet(`${base}/dns/${secret}`)).json).toEqual({
      token: secret,
      resolvers: [
        { ip: '127.0.0.6', family: 4, asn: 64501, org: 'Example\u0007 Resolver' },
        { ip: '127.0.0.7', family: 4 },
        { ip: '::1', family: 6, asn: 64502, org: 'Six' },
      ],
    });
  });
});

describe('a missing database', () => {
  it('stops startServer before anything listens', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    await expect(
      startServer({
        listen: ['127.0.0.1'],
        httpPort: port,
        dnsPort: null,
        stunPort: null,
        asnDb: [join(dir, 'gone.csv')],
        countryDb: null,
      }),
    ).rejects.toThrow(`--asn-db: '${join(dir, 'gone.csv')}': cannot read (ENOENT)`);
    // The port is still free: nothing was bound and left behind.
    const again = net.createServer();
    await new Promise<void>((resolve, reject) => again.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
    await new Promise<void>((r) => again.close(() => r()));
  });
});
