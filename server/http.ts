import type http from 'node:http';
import { clientPeer } from './clientip.ts';
import type { Counters } from './counters.ts';
import { TOKEN_RE } from './dns/answer.ts';
import { type Cidr, type Peer, rateKey } from './ip.ts';
import type { RateLimiter } from './ratelimit.ts';
import type { TokenStore } from './tokens.ts';

export interface HttpDeps {
  zone: string;
  trustProxy: readonly Cidr[];
  tokens: TokenStore;
  counters: Counters;
  /** Snapshot for /metrics (counters plus live gauges). */
  metrics: () => unknown;
  limiter: RateLimiter;
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

export function hardenServer(server: http.Server): void {
  server.maxHeadersCount = 64;
  server.maxRequestsPerSocket = 100;
  server.maxConnections = 1024;
  server.setTimeout(15_000, (socket) => socket.destroy());
  // Default handling would be fine, but an explicit handler guarantees nothing is ever printed.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    socket.destroy();
  });
}

const EXTENSION_ORIGIN = /^(chrome|moz)-extension:\/\/[^\s]*$/;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
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

/** The token named by Host "<token>.<zone>[:port]", or null. */
export function tokenFromHost(host: string | undefined, zone: string): string | null {
  if (!host || host.startsWith('[')) return null;
  const name = (host.split(':')[0] ?? '').toLowerCase().replace(/\.$/, '');
  if (!name.endsWith(`.${zone}`)) return null;
  const label = name.slice(0, -zone.length - 1);
  return TOKEN_RE.test(label) ? label : null;
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
    if (path === '/ip') return send(res, 200, { ip: peer.address, family: peer.family }, cors);
    if (path === '/healthz') return send(res, 200, { ok: true }, cors);
    if (path === '/metrics') return send(res, 200, deps.metrics(), cors);
    if (path === '/dns' || path.startsWith('/dns/')) {
      const token = path === '/dns' ? tokenFromHost(req.headers.host, deps.zone) : path.slice(5).toLowerCase();
      if (token === null || !TOKEN_RE.test(token)) return send(res, 400, { error: 'bad token' }, cors);
      const resolvers = deps.tokens.take(token);
      if (resolvers.length) c.tokens.read++;
      return send(res, 200, { token, resolvers }, cors);
    }
    c.http.notFound++;
    return send(res, 404, { error: 'not found' }, cors);
  };
}
