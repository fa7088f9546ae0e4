import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { ZONE } from './addresses';
import { type FakeReply, fakeReply } from './fake-providers';
import { faultReply } from './fault-replies';
import { createFaultState, DRIP_EVERY_MS, type EndpointId, endpointOfRequest, type FaultState, HUGE_BYTES } from './faults';
import type { Scenario } from './scenario';

export interface SeenRequest {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** What crossed the wire between the browser and the fakes (TCP payload, TLS included). */
export interface HttpTraffic {
  readonly requests: number;
  readonly connections: number;
  /** Per host name (TLS SNI for connections, Host for requests): does each host keep to one connection? */
  readonly byHost: Readonly<Record<string, { readonly connections: number; readonly requests: number }>>;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

export interface FakesOptions {
  /** The fault table to act out; by default the scenario's, with its own network-gone state. */
  readonly faults?: FaultState;
  /** The real check server's HTTPS port on the same addresses: requests for its zone are passed on to it. */
  readonly checkServerPort?: number;
  /** Headers the front adds to each request it passes on to the check server, as a proxy on the path would. */
  readonly proxyAdds?: () => Readonly<Record<string, string>>;
}

const tlsDir = new URL('../../fixtures/tls/', import.meta.url);
const HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
const HOP_BY_HOP = new Set(['content-length', 'connection', 'keep-alive', 'transfer-encoding', 'date']);
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The check server's own answer, fetched over the same address family, so it sees the same client address. */
function fromCheckServer(
  req: IncomingMessage,
  port: number,
  adds: Readonly<Record<string, string>>,
): Promise<FakeReply & { headers: Record<string, string> }> {
  const local = req.socket.localAddress ?? '';
  return new Promise((resolve, reject) => {
    const upstream = https.request(
      {
        host: local.replace(/^::ffff:/, ''),
        port,
        path: req.url ?? '/',
        method: req.method ?? 'GET',
        headers: { ...adds, host: req.headers.host ?? '', ...(req.headers.origin ? { origin: req.headers.origin } : {}) },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string' && !HOP_BY_HOP.has(k)) headers[k] = v;
          resolve({ status: res.statusCode ?? 502, type: headers['content-type'] ?? '', body: Buffer.concat(chunks).toString(), headers });
        });
        res.on('error', reject);
      },
    );
    upstream.on('error', reject);
    upstream.end();
  });
}

function drip(res: ServerResponse): void {
  res.writeHead(200, { ...HEADERS, 'content-type': 'application/json' });
  const body = `{"ip": "11.22.33.44", "padding": "${'x'.repeat(200)}"}`;
  let at = 0;
  const timer = setInterval(() => {
    // One byte at a time for a minute: long past any deadline, then the connection is dropped, not completed.
    if (at >= body.length || at > 60_000 / DRIP_EVERY_MS) return void res.destroy();
    res.write(body[at++] ?? ' ');
  }, DRIP_EVERY_MS);
  res.on('close', () => clearInterval(timer));
}

function huge(res: ServerResponse): void {
  res.writeHead(200, { ...HEADERS, 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  chunk.write('[');
  let sent = 0;
  // Streamed under backpressure: a client that stops reading stops the server too.
  const pump = () => {
    while (sent < HUGE_BYTES && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) res.end(']');
  };
  pump();
}

/**
 * One HTTPS server standing in for every third-party provider, told apart by Host, and the front of the real
 * check server (its zone's requests are passed on); acts out the scenario's faults and delay; records what it saw.
 */
export async function startFakes(addresses: readonly string[], getScenario: () => Scenario, options: FakesOptions = {}) {
  const faults = options.faults ?? createFaultState(() => getScenario().faults);
  const seen: SeenRequest[] = [];
  const rawSockets: Socket[] = [];
  /** When each TCP connection came in (epoch ms), for the bench's page-open → first request. */
  const connectedAt: number[] = [];
  const open = new Map<Socket, EndpointId | null>();
  let requests = 0;
  const byHost: Record<string, { connections: number; requests: number }> = {};
  const countHost = (host: string, what: 'connections' | 'requests') => {
    byHost[host] ??= { connections: 0, requests: 0 };
    byHost[host][what]++;
  };

  faults.onGone(() => {
    for (const [socket, endpoint] of open) if (faults.gone(endpoint, false)) socket.destroy();
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = (req.headers.host ?? '')
      .replace(/:\d+$/, '')
      .replace(/^\[|\]$/g, '')
      .toLowerCase();
    const path = req.url ?? '/';
    const endpoint = endpointOfRequest(host, path);
    requests++;
    countHost(host, 'requests');
    seen.push({ host, path, method: req.method ?? '', headers: req.headers });
    open.set(req.socket, endpoint);
    res.on('close', () => open.delete(req.socket));
    if (faults.gone(endpoint, true)) return void req.socket.destroy();
    const scenario = getScenario();
    const fault = faults.faultFor(endpoint);
    // This request set the network going: it is cut below, half-answered, not by the listener at once.
    if (fault === 'network-gone') open.delete(req.socket);
    if (fault === 'refuse') return void req.socket.destroy();
    if (fault === 'hang') return;
    if (scenario.delayMs) await pause(scenario.delayMs);
    if (fault === 'drip') return drip(res);
    if (fault === 'huge') return huge(res);
    const faulted = fault && endpoint ? faultReply(fault, endpoint, scenario, host, path) : null;
    const toServer = !faulted && options.checkServerPort !== undefined && (host === ZONE || host.endsWith(`.${ZONE}`));
    const reply =
      faulted ??
      (toServer ? await fromCheckServer(req, options.checkServerPort ?? 0, options.proxyAdds?.() ?? {}) : fakeReply(scenario, host, path));
    const headers = 'headers' in reply ? (reply.headers as Record<string, string>) : { ...HEADERS, 'content-type': reply.type };
    const body = Buffer.from(reply.body);
    res.writeHead(reply.status, { ...headers, 'content-length': String(body.length) });
    if (fault === 'network-gone') {
      // The request that set the network going: half its answer gets through, then the link is dead.
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      return void setImmediate(() => req.socket.destroy());
    }
    res.end(body);
  }

  const tls = { cert: readFileSync(new URL('cert.pem', tlsDir)), key: readFileSync(new URL('key.pem', tlsDir)) };
  const servers = addresses.map(() =>
    https
      .createServer(tls, (req, res) => {
        handle(req, res).catch(() => req.socket.destroy());
      })
      .on('connection', (socket: Socket) => {
        connectedAt.push(Date.now());
        rawSockets.push(socket);
      })
      .on('secureConnection', (socket: TLSSocket) => countHost(String(socket.servername || '').toLowerCase(), 'connections'))
      .on('tlsClientError', () => undefined),
  );
  await Promise.all(
    servers.map(
      (server, i) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(443, addresses[i], () => resolve())),
    ),
  );
  return {
    seen,
    ports: servers.map((s) => (s.address() as AddressInfo).port),
    connectedAt: (): readonly number[] => connectedAt,
    traffic: (): HttpTraffic => ({
      requests,
      connections: rawSockets.length,
      byHost: structuredClone(byHost),
      bytesIn: rawSockets.reduce((n, s) => n + s.bytesRead, 0),
      bytesOut: rawSockets.reduce((n, s) => n + s.bytesWritten, 0),
    }),
    close: () =>
      Promise.all(
        servers.map((s) => {
          const closed = new Promise<void>((resolve) => s.close(() => resolve()));
          s.closeAllConnections();
          return closed;
        }),
      ),
  };
}
