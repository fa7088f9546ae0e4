import http from 'node:http';
import { type Bound, bindAll, serverBinder } from './bind.ts';
import { SERVER_OPTIONS } from './http.ts';

/**
 * /metrics on a listener of its own (loopback by default): on a server with one user, even counts
 * tell a stranger when its owner runs a check, so they are never on the public ports.
 */
export function listenMetrics(render: () => string, addresses: readonly string[], port: number): Promise<Bound> {
  const handler: http.RequestListener = (req, res) => {
    const ok = req.method === 'GET' && (req.url ?? '').split('?')[0] === '/metrics';
    const body = ok ? render() : 'not found\n';
    res.writeHead(ok ? 200 : 404, {
      'content-type': ok ? 'text/plain; version=0.0.4; charset=utf-8' : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': String(Buffer.byteLength(body)),
    });
    res.end(body);
  };
  return bindAll([serverBinder(() => http.createServer(SERVER_OPTIONS, handler))], addresses, port);
}
