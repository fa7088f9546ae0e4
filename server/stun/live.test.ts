import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer, startStunResponder } from '../index.ts';
import { IP_DATA_OFF } from '../testing.ts';
import { decodeXorMappedAddress, MAGIC_COOKIE } from './codec.ts';

function bindingRequest(txid: Buffer): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16BE(0x0001, 0);
  b.writeUInt32BE(MAGIC_COOKIE, 4);
  txid.copy(b, 8);
  return b;
}

/** One STUN exchange from a chosen local address; null when nothing came back. */
function stun(port: number, host: string, local: string, packet: Buffer) {
  return new Promise<{ reply: Buffer | null; localPort: number }>((resolve) => {
    const sock = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    sock.bind({ address: local, port: 0 }, () => {
      const localPort = sock.address().port;
      const timer = setTimeout(() => {
        sock.close();
        resolve({ reply: null, localPort });
      }, 500);
      sock.on('message', (reply) => {
        clearTimeout(timer);
        sock.close();
        resolve({ reply, localPort });
      });
      sock.send(packet, port, host);
    });
  });
}

let s: RunningServer;
beforeAll(async () => {
  s = await startServer({ ...IP_DATA_OFF, listen: ['127.0.0.1', '::1'], httpPort: null, dnsPort: null, stunPort: 0, stunRate: 0 });
});
afterAll(() => s.close());

describe('STUN responder', () => {
  it('reports the IPv4 source address and port, echoing the transaction id', async () => {
    const txid = randomBytes(12);
    const { reply, localPort } = await stun(s.ports.stun as number, '127.0.0.1', '127.0.0.3', bindingRequest(txid));
    expect(decodeXorMappedAddress(reply as Buffer)).toEqual({ transactionId: txid, address: '127.0.0.3', port: localPort });
  });

  it('reports IPv6 sources', async () => {
    const txid = randomBytes(12);
    const { reply, localPort } = await stun(s.ports.stun as number, '::1', '::1', bindingRequest(txid));
    expect(decodeXorMappedAddress(reply as Buffer)).toEqual({ transactionId: txid, address: '::1', port: localPort });
  });

  it('stays silent for non-requests', async () => {
    const bad = bindingRequest(randomBytes(12));
    bad.writeUInt32BE(0xdeadbeef, 4);
    expect((await stun(s.ports.stun as number, '127.0.0.1', '127.0.0.3', bad)).reply).toBeNull();
    expect(s.counters().stun.dropped).toBeGreaterThanOrEqual(1);
  });
});

describe('startStunResponder (e2e fake public STUN server)', () => {
  it('reports whatever mapAddress says', async () => {
    const fake = await startStunResponder({ mapAddress: (r) => ({ address: '198.51.100.7', port: r.port }) });
    try {
      const { reply, localPort } = await stun(fake.port, '127.0.0.1', '127.0.0.1', bindingRequest(randomBytes(12)));
      expect(decodeXorMappedAddress(reply as Buffer)).toMatchObject({ address: '198.51.100.7', port: localPort });
    } finally {
      await fake.close();
    }
  });

  it('rate-limits when asked to', async () => {
    const limited = await startStunResponder({ rate: 1 });
    try {
      const replies = await Promise.all(
        Array.from({ length: 5 }, async () => (await stun(limited.port, '127.0.0.1', '127.0.0.12', bindingRequest(randomBytes(12)))).reply),
      );
      expect(replies.filter(Boolean)).toHaveLength(2); // burst = 2 × 1/s
    } finally {
      await limited.close();
    }
  });
});
