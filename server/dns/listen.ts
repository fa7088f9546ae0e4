import net from 'node:net';
import { type Bound, bindAll, sendUdp, serverBinder, udpBinder } from '../bind.ts';
import type { Counters } from '../counters.ts';
import { normalizePeer, type Peer, rateKey } from '../ip.ts';
import type { RateLimiter } from '../ratelimit.ts';
import type { TokenStore } from '../tokens.ts';
import { answerQuery, RCODE, type Zone } from './answer.ts';

export interface DnsDeps {
  zone: Zone;
  tokens: TokenStore;
  counters: Counters;
  limiter: RateLimiter;
  /** Test hook: rewrites the observed source (e2e fakes a public resolver). */
  mapAddress?: (peer: Peer) => Peer;
}

const MAX_TCP_QUERY = 4096;
const TCP_IDLE_MS = 10_000;
const TCP_MAX_CONNECTIONS = 512;

/** One query in, at most one response out; null = send nothing. */
export function createDnsHandler(deps: DnsDeps): (packet: Buffer, address: string, transport: 'udp' | 'tcp') => Buffer | null {
  const { counters: c } = deps;
  return (packet, address, transport) => {
    c.dns.queries++;
    const raw = normalizePeer(address);
    if (!raw) return null;
    if (!deps.limiter.take(rateKey(raw))) {
      c.dns.rateLimited++;
      return null;
    }
    const peer = deps.mapAddress ? deps.mapAddress(raw) : raw;
    let a: ReturnType<typeof answerQuery>;
    try {
      a = answerQuery(packet, deps.zone, peer, { transport });
    } catch {
      a = null; // a parser bug must cost one answer, never the process
    }
    if (!a) {
      c.dns.dropped++;
      return null;
    }
    c.dns.answered++;
    if (a.rcode === RCODE.NXDOMAIN) c.dns.nxdomain++;
    else if (a.rcode === RCODE.REFUSED) c.dns.refused++;
    else if (a.rcode === RCODE.NOTIMP) c.dns.notimp++;
    if (a.truncated) c.dns.truncated++;
    if (a.token !== undefined) {
      const seen = { ip: peer.address, family: peer.family, ...(a.ecs ? { ecs: a.ecs } : {}) };
      deps.tokens.record(a.token, seen);
      c.tokens.recorded++;
    }
    return a.response;
  };
}

function tcpConnection(handle: ReturnType<typeof createDnsHandler>) {
  return (conn: net.Socket) => {
    conn.on('error', () => {});
    conn.setTimeout(TCP_IDLE_MS, () => conn.destroy());
    const address = conn.remoteAddress ?? '';
    let buffered: Buffer = Buffer.alloc(0);
    conn.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (len < 12 || len > MAX_TCP_QUERY) return void conn.destroy();
        if (buffered.length < 2 + len) break;
        const response = handle(buffered.subarray(2, 2 + len), address, 'tcp');
        buffered = buffered.subarray(2 + len);
        // RFC 7766 lets a server close on a bad message; a silent drop would leave the client hanging.
        if (!response) return void conn.destroy();
        const frame = Buffer.alloc(2 + response.length);
        frame.writeUInt16BE(response.length, 0);
        response.copy(frame, 2);
        conn.write(frame);
        // A client that pipelines but never reads must not make us buffer without bound.
        if (conn.writableLength > 64 * 1024) return void conn.destroy();
      }
    });
  };
}

export function listenDns(deps: DnsDeps, addresses: readonly string[], port: number): Promise<Bound> {
  const handle = createDnsHandler(deps);
  const udp = udpBinder((msg, rinfo, socket) => {
    const response = handle(msg, rinfo.address, 'udp');
    if (response) sendUdp(socket, response, rinfo);
  });
  const tcp = serverBinder(() => {
    const server = net.createServer({ allowHalfOpen: false }, tcpConnection(handle));
    server.maxConnections = TCP_MAX_CONNECTIONS;
    return server;
  });
  return bindAll([udp, tcp], addresses, port);
}
