import { execFile } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import net from 'node:net';
import { promisify } from 'node:util';
import dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../index.ts';
import { decode, dnsQuery, encodeQuery, freshSecret, freshToken, httpGet, IP_DATA_OFF, requireCommand, udpExchange } from '../testing.ts';

const ZONE = 'check.leakless.test';
const run = promisify(execFile);

let s: RunningServer;
let dnsPort: number;
const read = async (token: string) => (await httpGet(`http://127.0.0.1:${s.ports.http}/dns/${token}`)).json as { resolvers: unknown[] };

beforeAll(async () => {
  s = await startServer({ ...IP_DATA_OFF, listen: ['127.0.0.1', '::1'], httpPort: 0, dnsPort: 0, stunPort: null, dnsRate: 0, httpRate: 0 });
  dnsPort = s.ports.dns as number;
});
afterAll(() => s.close());

function resolver(server: string, local?: string): Resolver {
  const r = new Resolver({ timeout: 2000, tries: 1 });
  r.setServers([server]);
  if (local) r.setLocalAddress(local);
  return r;
}

describe("node's dns.promises.Resolver", () => {
  it('resolves a token and the server records the source that asked', async () => {
    const { secret, label } = freshSecret();
    expect(await resolver(`127.0.0.1:${dnsPort}`, '127.0.0.3').resolve4(`${label}.${ZONE}`)).toEqual(['127.0.0.1']);
    expect(await resolver(`[::1]:${dnsPort}`, '::1').resolve6(`${label}.${ZONE}`)).toEqual(['::1']);
    expect(await read(secret)).toEqual({
      token: secret,
      resolvers: [
        { ip: '127.0.0.3', family: 4 },
        { ip: '::1', family: 6 },
      ],
    });
  });

  it('whoami echoes the asker; outside the zone is refused; unknown names do not exist', async () => {
    expect(await resolver(`127.0.0.1:${dnsPort}`, '127.0.0.4').resolve4(`r1.whoami.${ZONE}`)).toEqual(['127.0.0.4']);
    expect(await resolver(`[::1]:${dnsPort}`).resolve6(`whoami.${ZONE}`)).toEqual(['::1']);
    await expect(resolver(`127.0.0.1:${dnsPort}`).resolve4('example.com')).rejects.toMatchObject({ code: 'EREFUSED' });
    await expect(resolver(`127.0.0.1:${dnsPort}`).resolve4(`nothing.${ZONE}`)).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(await resolver(`127.0.0.1:${dnsPort}`).resolveSoa(ZONE)).toMatchObject({
      nsname: `ns.${ZONE}`,
      hostmaster: `hostmaster.${ZONE}`,
    });
    expect(await resolver(`127.0.0.1:${dnsPort}`).resolve4(`ipv4.${ZONE}`)).toEqual(['127.0.0.1']);
  });
});

describe('dig', () => {
  beforeAll(() => requireCommand('dig'));
  const dig = async (...args: string[]) =>
    (await run('dig', [`@127.0.0.1`, '-p', String(dnsPort), '+time=2', '+tries=1', '+norec', ...args])).stdout;

  it('UDP and TCP answers are authoritative and recorded', async () => {
    const { secret, label: token } = freshSecret();
    const udp = await dig('-b', '127.0.0.4', `${token}.${ZONE}`, 'A');
    expect(udp).toMatch(/status: NOERROR/);
    expect(udp).toMatch(/flags: qr aa;/);
    expect(udp).toMatch(new RegExp(`${token}\\.${ZONE}\\.\\s+0\\s+IN\\s+A\\s+127\\.0\\.0\\.1`));
    expect(udp).toMatch(/\(UDP\)/);
    const tcp = await dig('+tcp', '-b', '127.0.0.5', `${token}.${ZONE}`, 'AAAA', '+subnet=198.51.100.99/24');
    expect(tcp).toMatch(/\(TCP\)/);
    expect(tcp).toMatch(/IN\s+AAAA\s+::1/);
    expect(tcp).toMatch(/CLIENT-SUBNET: 198\.51\.100\.0\/24\/0/);
    expect(await read(secret)).toEqual({
      token: secret,
      resolvers: [
        { ip: '127.0.0.4', family: 4 },
        { ip: '127.0.0.5', family: 4, ecs: '198.51.100.0/24' },
      ],
    });
  });

  it('REFUSED outside the zone, NXDOMAIN inside, HINFO for ANY', async () => {
    expect(await dig('example.com', 'A')).toMatch(/status: REFUSED/);
    expect(await dig('+tcp', 'nope.check.leakless.test', 'A')).toMatch(/status: NXDOMAIN[\s\S]*AUTHORITY: 1/);
    expect(await dig(`${freshToken()}.${ZONE}`, 'ANY')).toMatch(/HINFO\s+"RFC8482" ""/);
  });
});

describe('TCP framing', () => {
  it('answers pipelined queries on one connection and closes on garbage', async () => {
    const frames = [1, 2, 3].map((id) => {
      const q = encodeQuery(`whoami.${ZONE}`, 'A', { id });
      const f = Buffer.alloc(2 + q.length);
      f.writeUInt16BE(q.length, 0);
      q.copy(f, 2);
      return f;
    });
    const conn = net.connect({ host: '127.0.0.1', port: dnsPort, localAddress: '127.0.0.9' });
    const ids: number[] = [];
    let buf = Buffer.alloc(0);
    const closed = new Promise<void>((resolve) => conn.on('close', () => resolve()));
    conn.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      while (buf.length >= 2 && buf.length >= 2 + buf.readUInt16BE(0)) {
        const p = dnsPacket.decode(buf.subarray(2, 2 + buf.readUInt16BE(0)));
        expect(p.answers?.[0]).toMatchObject({ type: 'A', data: '127.0.0.9' });
        ids.push(p.id ?? -1);
        buf = buf.subarray(2 + buf.readUInt16BE(0));
        if (ids.length === 3) conn.write(Buffer.from([0, 12, ...Buffer.alloc(12, 0xff)])); // a "response": dropped → close
      }
    });
    // Split across writes at odd offsets to exercise reassembly.
    const all = Buffer.concat(frames);
    conn.write(all.subarray(0, 5));
    conn.write(all.subarray(5, 40));
    conn.write(all.subarray(40));
    await closed;
    expect(ids).toEqual([1, 2, 3]);
  });
});

describe('dual-stack listener', () => {
  it("on '::' IPv4 clients arrive IPv4-mapped and are reported as plain IPv4", async () => {
    const p = await startServer({ ...IP_DATA_OFF, listen: ['::'], httpPort: 0, stunPort: null, dnsPort: 0, dnsRate: 0, httpRate: 0 });
    try {
      const { secret, label } = freshSecret();
      expect(await resolver(`127.0.0.1:${p.ports.dns}`, '127.0.0.3').resolve4(`${label}.${ZONE}`)).toEqual(['127.0.0.1']);
      expect(await resolver(`127.0.0.1:${p.ports.dns}`, '127.0.0.3').resolve4(`whoami.${ZONE}`)).toEqual(['127.0.0.3']);
      const http = `http://127.0.0.1:${p.ports.http}`;
      expect((await httpGet(`${http}/dns/${secret}`)).json).toEqual({ token: secret, resolvers: [{ ip: '127.0.0.3', family: 4 }] });
      expect((await httpGet(`${http}/ip`, { localAddress: '127.0.0.4' })).json).toEqual({ ip: '127.0.0.4', family: 4 });
    } finally {
      await p.close();
    }
  });
});

describe('response-rate limiting', () => {
  it('answers UDP beyond the per-source budget with the TC bit instead of dropping, and TCP still answers', async () => {
    const p = await startServer({ ...IP_DATA_OFF, listen: ['127.0.0.1'], httpPort: null, stunPort: null, dnsPort: 0, dnsRate: 3 });
    try {
      const q = encodeQuery(`whoami.${ZONE}`, 'A');
      const replies = await Promise.all(
        Array.from({ length: 20 }, () => udpExchange(p.ports.dns as number, q, { localAddress: '127.0.0.10', timeoutMs: 2000 })),
      );
      const decoded = replies.map((r) => (r ? decode(r) : null));
      expect(decoded.filter((r) => r === null)).toEqual([]);
      const full = decoded.filter((r) => r?.answers?.length === 1);
      const slipped = decoded.filter((r) => r?.flag_tc && r.answers?.length === 0);
      expect(full.length).toBeGreaterThanOrEqual(6);
      expect(full.length).toBeLessThanOrEqual(7); // burst 6 (+1 refill at most)
      expect(full.length + slipped.length).toBe(20);
      expect(p.counters().dns.slipped).toBe(slipped.length);
      // The resolver's retry over TCP, from the same source, is answered in full.
      const tcp = await run('dig', ['@127.0.0.1', '-p', String(p.ports.dns), '-b', '127.0.0.10', '+tcp', '+short', `whoami.${ZONE}`, 'A']);
      expect(tcp.stdout.trim()).toBe('127.0.0.10');
      const other = await dnsQuery(p.ports.dns as number, `whoami.${ZONE}`, 'A', { localAddress: '127.0.0.11' });
      expect(other.answers?.[0]).toMatchObject({ data: '127.0.0.11' });
    } finally {
      await p.close();
    }
  });
});
