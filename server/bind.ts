import dgram from 'node:dgram';
import type net from 'node:net';
import { isIPv6 } from './ip.ts';

export interface Bound {
  port: number;
  close(): Promise<void>;
}

export type Binder = (address: string, port: number) => Promise<Bound>;

const noop = () => {};

/**
 * Binds every (binder × address) on one shared port. With port 0 the first bind picks the port and
 * the rest follow it; if a follower finds it taken, everything is released and retried.
 */
export async function bindAll(binders: readonly Binder[], addresses: readonly string[], port: number): Promise<Bound> {
  for (let attempt = 0; ; attempt++) {
    const bound: Bound[] = [];
    let chosen = port;
    try {
      for (const address of addresses) {
        for (const bind of binders) {
          const b = await bind(address, chosen);
          chosen = b.port;
          bound.push(b);
        }
      }
      return { port: chosen, close: async () => void (await Promise.all(bound.map((b) => b.close()))) };
    } catch (err) {
      await Promise.all(bound.map((b) => b.close()));
      const code = (err as NodeJS.ErrnoException).code;
      if (port !== 0 || code !== 'EADDRINUSE' || attempt >= 20) throw err;
    }
  }
}

export type UdpHandler = (msg: Buffer, rinfo: dgram.RemoteInfo, socket: dgram.Socket) => void;

export function udpBinder(onMessage: UdpHandler): Binder {
  return (address, port) =>
    new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: isIPv6(address) ? 'udp6' : 'udp4' });
      socket.once('error', reject);
      socket.bind({ address, port, exclusive: true }, () => {
        socket.off('error', reject);
        // Runtime socket errors (e.g. ICMP-driven) concern one peer; never crash, never log.
        socket.on('error', noop);
        socket.on('message', (msg, rinfo) => onMessage(msg, rinfo, socket));
        resolve({
          port: socket.address().port,
          close: () => new Promise<void>((done) => socket.close(() => done())),
        });
      });
    });
}

/** Sends without caring about the outcome: a failed reply to one peer is not an event worth anything. */
export function sendUdp(socket: dgram.Socket, msg: Buffer, rinfo: dgram.RemoteInfo): void {
  try {
    socket.send(msg, rinfo.port, rinfo.address, noop);
  } catch {
    // socket closing during shutdown
  }
}

/** Listens a prepared server; close() also ends open connections so shutdown is prompt. */
export function serverBinder(create: () => net.Server & { closeAllConnections?: () => void }): Binder {
  return (address, port) =>
    new Promise((resolve, reject) => {
      const server = create();
      const sockets = new Set<net.Socket>();
      server.on('connection', (s: net.Socket) => {
        sockets.add(s);
        s.once('close', () => sockets.delete(s));
      });
      server.once('error', reject);
      server.listen({ host: address, port, exclusive: true, ipv6Only: false }, () => {
        server.off('error', reject);
        server.on('error', noop);
        const addr = server.address();
        resolve({
          port: typeof addr === 'object' && addr ? addr.port : port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              for (const s of sockets) s.destroy();
            }),
        });
      });
    });
}
