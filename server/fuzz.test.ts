/**
 * Throws ≥10,000 random and ≥10,000 mutated DNS packets and ≥10,000 random STUN packets at the live
 * sockets, interleaved with valid queries that must keep being answered correctly.
 */
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './index.ts';
import { decodeXorMappedAddress } from './stun/codec.ts';
import { bindingRequest, decode, encodeQuery, freshSecret, freshToken, httpGet, IP_DATA_OFF, udpExchange } from './testing.ts';

const ZONE = 'check.leakless.test';
const N = 10_000;
const BATCH = 250;

let s: RunningServer;
let fuzzer: dgram.Socket;
beforeAll(async () => {
  s = await startServer({
    ...IP_DATA_OFF,
    listen: ['127.0.0.1'],
    httpPort: 0,
    dnsPort: 0,
    stunPort: 0,
    dnsRate: 0,
    stunRate: 0,
    httpRate: 0,
  });
  fuzzer = dgram.createSocket('udp4');
  fuzzer.on('message', () => {}); // replies to fuzz are irrelevant
  await new Promise<void>((r) => fuzzer.bind({ address: '127.0.0.20', port: 0 }, () => r()));
});
afterAll(async () => {
  fuzzer.close();
  await s.close();
});

const seeds = [
  encodeQuery(`${freshToken()}.${ZONE}`, 'A', { ecs: { ip: '198.51.100.1', prefix: 24 } }),
  encodeQuery(`whoami.${ZONE}`, 'AAAA', { edns: true }),
  encodeQuery(ZONE, 'SOA'),
  encodeQuery('example.com', 'ANY'),
  encodeQuery(`ipv6.${ZONE}`, 'AAAA', { ecs: { ip: '2001:db8::', prefix: 48, family: 2 } }),
  // Signed answers: the signer and the compact denial see the mutated names and types.
  encodeQuery(`dnssec-bad-${freshToken()}.${ZONE}`, 'A', { dnssecOk: true }),
  encodeQuery(`no-such-name.${ZONE}`, 'TXT', { dnssecOk: true }),
];

const mutate = (bufs: Buffer[]) =>
  fc
    .tuple(
      fc.constantFrom(...bufs),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      fc.oneof(fc.constant(null), fc.nat(), fc.uint8Array({ maxLength: 40 })),
    )
    .map(([seed, edits, cut]) => {
      let b = Buffer.from(seed);
      for (const [i, v] of edits) b[i % b.length] = v;
      if (typeof cut === 'number') b = b.subarray(0, cut % (b.length + 1));
      else if (cut) b = Buffer.concat([b, cut]);
      return b;
    });

function randomDns(): Buffer[] {
  const random = fc.sample(fc.uint8Array({ maxLength: 700 }), { numRuns: N, seed: 1 }).map((u) => Buffer.from(u));
  // Random bodies behind a plausible header (QR=0, one question) reach deeper into the parser.
  const plausible = fc.sample(fc.uint8Array({ minLength: 12, maxLength: 300 }), { numRuns: N / 2, seed: 2 }).map((u) => {
    const b = Buffer.from(u);
    b.writeUInt16BE(b.readUInt16BE(2) & 0x7fff, 2);
    b.writeUInt16BE(1, 4);
    return b;
  });
  const mutated = fc.sample(mutate(seeds), { numRuns: N, seed: 3 });
  return [...random, ...plausible, ...mutated];
}

function randomStun(): Buffer[] {
  const random = fc.sample(fc.uint8Array({ maxLength: 600 }), { numRuns: N, seed: 4 }).map((u) => Buffer.from(u));
  const withAttrs = fc
    .sample(fc.uint8Array({ maxLength: 200 }), { numRuns: N / 2, seed: 5 })
    .map((u) => bindingRequest(randomBytes(12), Buffer.from(u)));
  const mutated = fc.sample(mutate([bindingRequest(randomBytes(12))]), { numRuns: N / 2, seed: 6 });
  return [...random, ...withAttrs, ...mutated];
}

function sendAll(port: number, packets: Buffer[]): Promise<void> {
  return Promise.all(packets.map((p) => new Promise<void>((r) => fuzzer.send(p, port, '127.0.0.1', () => r())))).then(() => {});
}

async function validDns(): Promise<void> {
  const token = freshToken();
  const q = encodeQuery(`${token}.${ZONE}`, 'A');
  const reply = await udpExchange(s.ports.dns as number, q, { localAddress: '127.0.0.21', timeoutMs: 2000 });
  expect(reply).not.toBeNull();
  const p = decode(reply as Buffer);
  expect([p.id, p.rcode, p.flag_aa]).toEqual([q.readUInt16BE(0), 'NOERROR', true]);
  expect(p.answers?.[0]).toMatchObject({ type: 'A', data: '127.0.0.1' });
}

async function validStun(): Promise<void> {
  const txid = randomBytes(12);
  const reply = await udpExchange(s.ports.stun as number, bindingRequest(txid), { localAddress: '127.0.0.22', timeoutMs: 2000 });
  expect(decodeXorMappedAddress(reply as Buffer)).toMatchObject({ transactionId: txid, address: '127.0.0.22' });
}

describe('fuzzing the live sockets', () => {
  it('survives 25,000 bad DNS packets and keeps answering valid queries', async () => {
    const packets = randomDns();
    for (let i = 0; i < packets.length; i += BATCH) {
      await sendAll(s.ports.dns as number, packets.slice(i, i + BATCH));
      await validDns();
    }
    const c = s.counters().dns;
    // The valid query after each batch has been answered, so every earlier datagram was processed.
    expect(c.queries).toBeGreaterThanOrEqual(packets.length * 0.95);
    expect(c.dropped).toBeGreaterThan(N);
  });

  it('survives 20,000 bad STUN packets and keeps answering binding requests', async () => {
    const packets = randomStun();
    for (let i = 0; i < packets.length; i += BATCH) {
      await sendAll(s.ports.stun as number, packets.slice(i, i + BATCH));
      await validStun();
    }
    expect(s.counters().stun.requests).toBeGreaterThanOrEqual(packets.length * 0.95);
    expect(s.counters().stun.dropped).toBeGreaterThan(N);
  });

  it('survives garbage TCP streams', async () => {
    const streams = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 3000 }), { numRuns: 300, seed: 7 });
    await Promise.all(
      streams.map(
        (bytes) =>
          new Promise<void>((resolve) => {
            const c = net.connect({ host: '127.0.0.1', port: s.ports.dns as number }, () => c.end(Buffer.from(bytes)));
            c.on('data', () => {});
            c.on('error', () => resolve());
            c.on('close', () => resolve());
          }),
      ),
    );
    await validDns();
    // And the token store behind it still works end to end.
    const { secret, label } = freshSecret();
    await udpExchange(s.ports.dns as number, encodeQuery(`${label}.${ZONE}`, 'A'), { localAddress: '127.0.0.23' });
    expect((await httpGet(`http://127.0.0.1:${s.ports.http}/dns/${secret}`)).json).toEqual({
      token: secret,
      resolvers: [{ ip: '127.0.0.23', family: 4 }],
    });
  });
});
