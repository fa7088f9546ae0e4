/**
 * The TLS listener speaks HTTP/2 and HTTP/1.1: a browser's check shares one connection per address over
 * HTTP/2, names under the zone included, and a client without HTTP/2 is served as before. Loopback only.
 */
import { readFileSync } from 'node:fs';
import http2 from 'node:http2';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './index.ts';
import { httpGet, IP_DATA_OFF } from './testing.ts';

const ZONE = 'check.leakless.test';
const tls = {
  cert: readFileSync(new URL('../tests/fixtures/tls/cert.pem', import.meta.url)),
  key: readFileSync(new URL('../tests/fixtures/tls/key.pem', import.meta.url)),
};
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

let running: RunningServer | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function start(): Promise<number> {
  running = await startServer({
    ...IP_DATA_OFF,
    zone: ZONE,
    listen: ['127.0.0.1'],
    httpPort: null,
    httpsPort: 0,
    dnsPort: null,
    stunPort: null,
    dnsRate: 0,
    httpRate: 0,
    tls,
  });
  return running.ports.https as number;
}

/** One GET on an open session; the status, the body and the headers the server sent. */
function get(session: http2.ClientHttp2Session, authority: string, path: string) {
  return new Promise<{ status: number; body: string; headers: http2.IncomingHttpHeaders }>((resolve, reject) => {
    const stream = session.request({ ':method': 'GET', ':path': path, ':authority': authority, origin: ORIGIN });
    let body = '';
    let headers: http2.IncomingHttpHeaders = {};
    stream.setEncoding('utf8');
    stream.on('response', (h) => {
      headers = h;
    });
    stream.on('data', (chunk: string) => {
      body += chunk;
    });
    stream.on('end', () => resolve({ status: Number(headers[':status']), body, headers }));
    stream.on('error', reject);
    stream.end();
  });
}

function connect(port: number): Promise<http2.ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { ca: tls.cert, servername: `ipv4.${ZONE}` });
    session.once('remoteSettings', () => resolve(session));
    session.once('error', reject);
  });
}

describe('the TLS listener', () => {
  it('speaks HTTP/2: the IP echo, the proxy headers and two DNSSEC names all on one connection', async () => {
    const port = await start();
    const session = await connect(port);
    try {
      expect(session.alpnProtocol).toBe('h2');
      expect(session.remoteSettings.maxConcurrentStreams).toBe(32);
      const [ip, headers, ok, bad] = await Promise.all([
        get(session, `ipv4.${ZONE}`, '/ip'),
        get(session, `ipv4.${ZONE}`, '/headers'),
        get(session, `dnssec-ok-abcdefghijklmnop.${ZONE}`, '/dnssec'),
        get(session, `dnssec-bad-abcdefghijklmnop.${ZONE}`, '/dnssec'),
      ]);
      expect(ip.status).toBe(200);
      expect(JSON.parse(ip.body)).toEqual({ ip: '127.0.0.1', family: 4 });
      expect(ip.headers['access-control-allow-origin']).toBe(ORIGIN);
      expect(JSON.parse(headers.body)).toEqual({ ip: '127.0.0.1', headers: [] });
      // Over HTTP/2 the name is in :authority (there is no Host): the label echoed is the coalesced name's own.
      expect(JSON.parse(ok.body)).toEqual({ label: 'dnssec-ok-abcdefghijklmnop' });
      expect(JSON.parse(bad.body)).toEqual({ label: 'dnssec-bad-abcdefghijklmnop' });
    } finally {
      session.close();
    }
  });

  it('serves HTTP/1.1 to a client that does not offer HTTP/2', async () => {
    const port = await start();
    const r = await httpGet(`https://127.0.0.1:${port}/ip`, { ca: tls.cert });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ip: '127.0.0.1', family: 4 });
  });
});
