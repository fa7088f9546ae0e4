import net from 'node:net';
import { type Bound, bindAll, sendUdp, serverBinder, udpBinder } from '../bind.ts';
import { type ConnectionCap, createConnectionCap } from '../conncap.ts';
import type { Counters } from '../counters.ts';
import { normalizePeer, type Peer, rateKey } from '../ip.ts';
import type { Limits } from '../limits.ts';
import type { RateLimiter } from '../ratelimit.ts';
import type { Results } from '../results.ts';
import { answerQuery, RCODE, type Zone } from './answer.ts';

export interface DnsDeps {
  zone: Zone;
  results: Results;
  counters: Counters;
  limiter: RateLimiter;
  limits: Limits;
  /** Test hook: rewrites the observed source (e2e fakes a public resolver). */
  mapAddress?: (peer: Peer) => Peer;
}

const MAX_TCP_QUERY = 4096;
type Handler = (packet: Buffer, address: string, transport: 'udp' | 'tcp') => Promise<Buffer | null>;

/**
 * One query in, at most one response out; null = send nothing. The answer leaves only after the
 * sighting is stored (or the store failed), so a read that follows the answer — on any node — finds it.
 */
export function createDnsHandler(deps: DnsDeps): Handler {
  const { counters: c } = deps;
  return async (packet, address, transport) => {
    c.dns.queries++;
    const raw = normalizePeer(address);
    if (!raw) return null;
    const source = rateKey(raw);
    // TCP is exempt, as in authoritative servers' RRL: its source is proven by the handshake, and its
    // connections are capped per source.
    const slip = transport === 'udp' && !deps.limiter.take(source);
    if (slip) c.dns.rateLimited++;
    const peer = deps.mapAddress ? deps.mapAddress(raw) : raw;
    let a: ReturnType<typeof answerQuery>;
    try {
      a = answerQuery(packet, deps.zone, peer, { transport, slip });
    } catch {
      a = null; // a parser bug must cost one answer, never the process
    }
    if (!a) {
      c.dns.dropped++;
      return null;
    }
    if (slip) {
      c.dns.slipped++;
      return a.response;
    }
    c.dns.answered++;
    if (a.rcode === RCODE.NXDOMAIN) c.dns.nxdomain++;
    else if (a.rcode === RCODE.REFUSED) c.dns.refused++;
    else if (a.rcode === RCODE.NOTIMP) c.dns.notimp++;
    if (a.truncated) c.dns.truncated++;
    if (a.token !== undefined) {
      await deps.results.record(a.token, source, { ip: peer.address, family: peer.family, ...(a.ecs ? { ecs: a.ecs } : {}) });
    }
    return a.response;
  };
}

function frame(response: Buffer): Buffer {
  const f = Buffer.alloc(2 + response.length);
  f.writeUInt16BE(response.length, 0);
  response.copy(f, 2);
  return f;
}

function tcpConnection(handle: Handler, deps: DnsDeps, cap: ConnectionCap) {
  return (conn: net.Socket) => {
    conn.on('error', () => {});
    const peer = normalizePeer(conn.remoteAddress ?? '');
    const key = peer ? rateKey(peer) : '';
    if (!cap.open(key)) {
      deps.counters.dns.tcpRefused++;
      return void conn.destroy();
    }
    // The idle timer restarts on every byte; the message deadline does not, so a slow drip ends.
    let deadline: NodeJS.Timeout | undefined;
    const stopDeadline = () => {
      clearTimeout(deadline);
      deadline = undefined;
    };
    const expire = () => {
      deps.counters.dns.tcpTimedOut++;
      conn.destroy();
    };
    conn.once('close', () => {
      stopDeadline();
      cap.close(key);
    });
    conn.setTimeout(deps.limits.dnsTcpIdleMs, expire);
    const address = conn.remoteAddress ?? '';
    let buffered: Buffer = Buffer.alloc(0);
    conn.on('data', (chunk: Buffer) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (len < 12 || len > MAX_TCP_QUERY) return void conn.destroy();
        if (buffered.length < 2 + len) break;
        stopDeadline();
        const query = buffered.subarray(2, 2 + len);
        buffered = buffered.subarray(2 + len);
        // RFC 7766 lets a server close on a bad message, and lets answers leave out of order.
        void handle(query, address, 'tcp').then((response) => {
          if (!response) return void conn.destroy();
          if (!conn.destroyed) conn.write(frame(response));
          // A client that pipelines but never reads must not make us buffer without bound.
          if (conn.writableLength > 64 * 1024) conn.destroy();
        });
      }
      if (buffered.length > 0 && deadline === undefined) deadline = setTimeout(expire, deps.limits.dnsTcpMessageMs);
    });
  };
}

export function listenDns(deps: DnsDeps, addresses: readonly string[], port: number): Promise<Bound> {
  const handle = createDnsHandler(deps);
  const udp = udpBinder((msg, rinfo, socket) => {
    void handle(msg, rinfo.address, 'udp').then((response) => {
      if (response) sendUdp(socket, response, rinfo);
    });
  });
  // One cap across every bound address: a source cannot multiply its share by address.
  const cap = createConnectionCap(deps.limits.dnsTcpConnectionsPerSource);
  const tcp = serverBinder(() => {
    const server = net.createServer({ allowHalfOpen: false }, tcpConnection(handle, deps, cap));
    server.maxConnections = deps.limits.dnsTcpConnections;
    return server;
  });
  return bindAll([udp, tcp], addresses, port);
}
