import type http from 'node:http';
import type http2 from 'node:http2';
import type net from 'node:net';
import { clientPeer } from './clientip.ts';
import type { ConnectionCap } from './conncap.ts';
import type { Counters } from './counters.ts';
import { DNSSEC_LABEL_RE } from './dns/dnssec/labels.ts';
import { proxyHeaders } from './headers.ts';
import { type Cidr, inCidrs, normalizePeer, type Peer, rateKey } from './ip.ts';
import type { IpData } from './ipdata/index.ts';
import type { Limits } from './limits.ts';
import type { RateLimiter } from './ratelimit.ts';
import type { Results } from './results.ts';
import { SECRET_RE } from './secret.ts';

export interface HttpDeps {
  trustProxy: readonly Cidr[];
  results: Results;
  counters: Counters;
  limiter: RateLimiter;
  /** Country/ASN/organisation from the local databases, attached to every address the server reports. */
  ipData: IpData;
  /** Test hook: rewrites the observed client (e2e fakes a public address). */
  mapAddress?: (peer: Peer) => Peer;
}

/** Limits for node's http(s).createServer: small headers, short timeouts, nothing read from bodies. */
export const SERVER_OPTIONS = {
  maxHeaderSize: 8 * 1024,
  headersTimeout: 5_000,
  requestTimeout: 10_000,
  keepAliveTimeout: 5_000,
} satisfies http.ServerOptions;

export interface Hardening {
  limits: Limits;
  /** Shared by every listener of the node, so a source cannot multiply its share by port or address. */
  cap: ConnectionCap;
  trustProxy: readonly Cidr[];
  counters: Counters;
}

/** A listener of the web API: plain HTTP/1.1, or TLS with HTTP/2 (https.ts), whose HTTP/1.1 side reads the same fields. */
export type WebServer = http.Server | http2.Http2SecureServer;

export function hardenServer(server: WebServer, { limits, cap, trustProxy, counters }: Hardening): void {
  Object.assign(server, { maxHeadersCount: 64, maxRequestsPerSocket: 100 });
  server.maxConnections = limits.httpConnections;
  // Both kinds call this with the idle socket (an HTTP/2 session's socket too), whatever node's types say.
  (server as http.Server).setTimeout(15_000, (socket) => socket.destroy());
  // Raw TCP, before any TLS: a source over its share never gets a handshake started.
  server.on('connection', (socket: net.Socket) => {
    const peer = normalizePeer(socket.remoteAddress ?? '');
    // A load balancer carries everyone: its connections are not one source's.
    if (!peer || inCidrs(peer, trustProxy)) return;
    const key = rateKey(peer);
    if (!cap.open(key)) {
      counters.http.connectionsRefused++;
      return void socket.destroy();
    }
    socket.once('close', () => cap.close(key));
  });
  // Default handling would be fine, but an explicit handler guarantees nothing is ever printed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    socket.destroy();
  });
}

/** The name asked for: Host over HTTP/1.1, the :authority pseudo-header over HTTP/2 (which has no Host). */
function hostOf(req: http.IncomingMessage): string {
  const authority = req.headers[':authority'];
  return req.headers.host ?? (typeof authority === 'string' ? authority : '');
}

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[^\s]*$/;

export function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-length': String(Buffer.byteLength(json)),
  });
  res.end(json);
}

/** What a read answers while the store cannot be reached: a failure, never an empty list. */
export const STORE_UNAVAILABLE = { error: 'results unavailable', code: 'store-unavailable' } as const;

function readDns(deps: HttpDeps, secret: string, res: http.ServerResponse, cors: Record<string, string>): void {
  if (!SECRET_RE.test(secret)) {
    send(res, 400, { error: 'bad token' }, cors);
    return;
  }
  deps.results.read(secret).then(
    (resolvers) => send(res, 200, { token: secret, resolvers: resolvers.map((r) => ({ ...r, ...deps.ipData.lookup(r.ip) })) }, cors),
    () => send(res, 503, STORE_UNAVAILABLE, { ...cors, 'retry-after': '1' }),
  );
}

export function createHttpHandler(deps: HttpDeps): http.RequestListener {
  const { counters: c } = deps;
  return (req, res) => {
    c.http.requests++;
    const raw = clientPeer(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.trustProxy);
    if (!raw) return void req.socket.destroy();
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    // Bodies are never read; closing afterwards stops node draining one into memory for the next request.
    if (hasBody) res.shouldKeepAlive = false;

    const origin = req.headers.origin;
    const cors: Record<string, string> =
      origin && EXTENSION_ORIGIN.test(origin) ? { 'access-control-allow-origin': origin, vary: 'origin' } : { vary: 'origin' };
    if (!deps.limiter.take(rateKey(raw))) {
      c.http.rateLimited++;
      return send(res, 429, { error: 'rate limited' }, { ...cors, 'retry-after': '1' });
    }
    const peer = deps.mapAddress ? deps.mapAddress(raw) : raw;

    if (req.method === 'OPTIONS') {
      const pna = req.headers['access-control-request-private-network'] === 'true' && cors['access-control-allow-origin'];
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET',
        'access-control-allow-headers': 'accept',
        'access-control-max-age': '600',
        ...(pna ? { 'access-control-allow-private-network': 'true' } : {}),
        'cache-control': 'no-store',
      });
      return void res.end();
    }
    if (req.method !== 'GET') return send(res, 405, { error: 'method not allowed' }, { ...cors, allow: 'GET, OPTIONS' });

    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path === '/ip') return send(res, 200, { ip: peer.address, family: peer.family, ...deps.ipData.lookup(peer.address) }, cors);
    if (path === '/healthz') return send(res, 200, { ok: true }, cors);
    if (path === '/headers') {
      const viaTrusted = inCidrs(normalizePeer(req.socket.remoteAddress ?? '') ?? raw, deps.trustProxy);
      return send(res, 200, { ip: peer.address, headers: proxyHeaders(req.headers, viaTrusted) }, cors);
    }
    if (path.startsWith('/dns/')) return readDns(deps, path.slice(5), res, cors);
    if (path === '/dnssec') {
      // Reaching this proves the name resolved; echoing its label lets the extension tell its own name from a cache's.
      const label = hostOf(req).split('.')[0]?.toLowerCase() ?? '';
      if (DNSSEC_LABEL_RE.test(label)) return send(res, 200, { label }, cors);
    }
    c.http.notFound++;
    return send(res, 404, { error: 'not found' }, cors);
  };
}
