import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fakeReply } from './fake-providers';
import type { Scenario } from './scenario';

export interface SeenRequest {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

const tlsDir = new URL('../../fixtures/tls/', import.meta.url);

/** One HTTPS server standing in for every third-party provider, told apart by Host; records what it saw. */
export async function startFakes(addresses: readonly string[], getScenario: () => Scenario) {
  const seen: SeenRequest[] = [];
  const servers = addresses.map(() =>
    https.createServer({ cert: readFileSync(new URL('cert.pem', tlsDir)), key: readFileSync(new URL('key.pem', tlsDir)) }, (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
      const path = req.url ?? '/';
      seen.push({ host, path, method: req.method ?? '', headers: req.headers });
      const reply = fakeReply(getScenario(), host, path);
      res.writeHead(reply.status, { 'content-type': reply.type, 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
      res.end(reply.body);
    }),
  );
  await Promise.all(
    servers.map((server, i) => new Promise<void>((resolve, reject) => server.once('error', reject).listen(443, addresses[i], () => resolve()))),
  );
  return {
    seen,
    ports: servers.map((s) => (s.address() as AddressInfo).port),
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
