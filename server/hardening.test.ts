/**
 * Each weakness found by attacking the old server on loopback, attacked again: bounded in count and
 * time, loopback only, and stopping by itself. Every test here failed on the server before the fix.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from './index.ts';
import { dnsQuery, encodeQuery, freshSecret, freshToken, httpGet, IP_DATA_OFF, udpExchange, waitFor } from './testing.ts';

const ZONE = 'check.leakless.test';
const tls = {
  cert: readFileSync(new URL('../tests/fixtures/tls/cert.pem', import.meta.url)),
  key: readFileSync(new URL('../tests/fixtures/tls/key.pem', import.meta.url)),
};
const ca = tls.cert;

let running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
});
async function server(options: ServerOptions): Promise<RunningServer> {
  const s = await startServer({
    ...IP_DATA_OFF,
    listen: ['127.0.0.1'],
    httpPort: null,
    dnsPort: null,
    stunPort: null,
    dnsRate: 0,
    httpRate: 0,
    ...options,
  });
  running.push(s);
  return s;
}

/** `count` raw TCP connections from one address that send nothing; resolves once all connected or were refused. */
async function hog(port: number, from: string, count: number) {
  const sockets: net.Socket[] = [];
  let closedByServer = 0;
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const s = net.connect({ host: '127.0.0.1', port, localAddress: from }, () => resolve());
          s.on('error', () => resolve());
          s.on('close', () => {
            closedByServer++;
            resolve();
          });
          sockets.push(s);
        }),
    ),
  );
  return {
    sockets,
    closed: () => closedByServer,
    end: () => {
      for (const s of sockets) s.destroy();
    },
  };
}

function tcpDns(port: number, name: string, from: string): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const q = encodeQuery(name, 'A');
    const framed = Buffer.concat([Buffer.from([q.length >> 8, q.length & 0xff]), q]);
    const c = net.connect({ host: '127.0.0.1', port, localAddress: from }, () => c.write(framed));
    let got = Buffer.alloc(0);
    c.on('data', (d) => {
      got = Buffer.concat([got, d]);
      if (got.length >= 2 && got.length >= 2 + got.readUInt16BE(0)) {
        c.destroy();
        resolve(got.subarray(2));
      }
    });
    c.on('error', () => resolve(null));
    c.on('close', () => resolve(null));
  });
}

describe('HTTP(S) connection slots', () => {
  it('one source holding 1,100 idle connections does not keep another user out', async () => {
    const s = await server({ httpsPort: 0, tls });
    const h = await hog(s.ports.https as number, '127.0.0.30', 1100);
    try {
      // All but the source's 16 are closed by the server at once (most by the per-source cap; under heavy load a
      // few may meet the global cap first, while destroyed sockets are still closing).
      await waitFor(() => h.closed() >= 1100 - 16, 20_000);
      expect(s.counters().http.connectionsRefused).toBeGreaterThan(1000);
      const r = await httpGet(`https://127.0.0.1:${s.ports.https}/ip`, { ca, localAddress: '127.0.0.31' });
      expect(r.json).toEqual({ ip: '127.0.0.31', family: 4 });
    } finally {
      h.end();
    }
  }, 60_000);

  it('a connection that never starts its TLS handshake is closed after the handshake timeout', async () => {
    const s = await server({ httpsPort: 0, tls, limits: { tlsHandshakeMs: 300 } });
    const h = await hog(s.ports.https as number, '127.0.0.32', 1);
    await waitFor(() => h.closed() === 1, 5_000);
  });
});

describe('DNS over TCP', () => {
  it('a message trickling in one byte at a time is cut off at the message deadline', async () => {
    const s = await server({ dnsPort: 0, limits: { dnsTcpMessageMs: 300 } });
    const c = net.connect({ host: '127.0.0.1', port: s.ports.dns as number, localAddress: '127.0.0.33' });
    c.on('error', () => {});
    let closed = false;
    c.on('close', () => {
      closed = true;
    });
    const q = encodeQuery(`whoami.${ZONE}`, 'A');
    const bytes = Buffer.concat([Buffer.from([q.length >> 8, q.length & 0xff]), q]);
    let i = 0;
    // Well inside the 10 s idle timeout every time, so only a whole-message deadline can end it.
    const drip = setInterval(() => {
      if (i < bytes.length - 1 && !closed) c.write(bytes.subarray(i, ++i));
    }, 50);
    try {
      await waitFor(() => closed, 5_000);
      expect(s.counters().dns.tcpTimedOut).toBe(1);
    } finally {
      clearInterval(drip);
      c.destroy();
    }
  });

  it('one source holding 520 connections does not keep another resolver out', async () => {
    const s = await server({ dnsPort: 0 });
    const h = await hog(s.ports.dns as number, '127.0.0.34', 520);
    try {
      await waitFor(() => h.closed() >= 520 - 8, 20_000);
      expect(s.counters().dns.tcpRefused).toBeGreaterThan(450);
      const reply = await tcpDns(s.ports.dns as number, `whoami.${ZONE}`, '127.0.0.35');
      expect(reply?.length).toBeGreaterThan(12);
    } finally {
      h.end();
    }
  }, 60_000);
});

describe('token creation', () => {
  it('a flood of fresh tokens from 30 sources does not evict a live user', async () => {
    const s = await server({ dnsPort: 0, httpPort: 0, maxTokens: 200, tokensPerSource: 20 });
    const dns = s.ports.dns as number;
    const user = freshSecret();
    await dnsQuery(dns, `${user.label}.${ZONE}`, 'A', { localAddress: '127.0.0.50' });
    for (let source = 1; source <= 30; source++) {
      const from = `127.0.1.${source}`;
      await Promise.all(
        Array.from({ length: 25 }, () => udpExchange(dns, encodeQuery(`${freshToken()}.${ZONE}`, 'A'), { localAddress: from })),
      );
    }
    expect((await httpGet(`http://127.0.0.1:${s.ports.http}/dns/${user.secret}`)).json).toEqual({
      token: user.secret,
      resolvers: [{ ip: '127.0.0.50', family: 4 }],
    });
    // Sources 1–10 fill the table (with the user: 201 → source 1 loses its oldest) and have 5 each refused at
    // their budget of 20. From then on each new token pushes out the oldest of the largest source, which soon is
    // the flooding source itself, so no later source reaches its budget: 751 − 50 = 701 in, 701 − 200 = 501 out.
    expect(s.counters().tokens).toMatchObject({ recorded: 701, refused: 50, evicted: 501 });
    expect(s.gauges().tokensLive).toBe(199); // the user's token was read, which frees its place
    // And a user arriving after the flood gets in too.
    const late = freshSecret();
    await dnsQuery(dns, `${late.label}.${ZONE}`, 'A', { localAddress: '127.0.0.51' });
    expect((await httpGet(`http://127.0.0.1:${s.ports.http}/dns/${late.secret}`)).json).toMatchObject({
      resolvers: [{ ip: '127.0.0.51' }],
    });
  }, 30_000);
});

describe('reading and filling a result', () => {
  it('the name seen in DNS and in the TLS server name is not enough to read the result', async () => {
    const s = await server({ dnsPort: 0, httpPort: 0 });
    const { secret, label } = freshSecret();
    await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'A', { localAddress: '127.0.0.52' });
    const base = `http://127.0.0.1:${s.ports.http}`;
    expect((await httpGet(`${base}/dns/${label}`)).json).toEqual({ token: label, resolvers: [] });
    expect((await httpGet(`${base}/dns`, { headers: { host: `${label}.${ZONE}` } })).status).toBe(404);
    expect((await httpGet(`${base}/dns/${secret}`)).json).toEqual({ token: secret, resolvers: [{ ip: '127.0.0.52', family: 4 }] });
  });

  it('one source varying the client subnet adds at most 2 entries to a result', async () => {
    const s = await server({ dnsPort: 0, httpPort: 0 });
    const { secret, label } = freshSecret();
    for (let i = 0; i < 40; i++) {
      await dnsQuery(s.ports.dns as number, `${label}.${ZONE}`, 'A', {
        localAddress: '127.0.0.53',
        ecs: { ip: `198.51.100.${i}`, prefix: 32 },
      });
    }
    expect((await httpGet(`http://127.0.0.1:${s.ports.http}/dns/${secret}`)).json).toEqual({
      token: secret,
      resolvers: [
        { ip: '127.0.0.53', family: 4, ecs: '198.51.100.0/32' },
        { ip: '127.0.0.53', family: 4, ecs: '198.51.100.1/32' },
      ],
    });
  });
});

describe('/metrics', () => {
  it('is not on the public port; its own loopback listener speaks Prometheus text', async () => {
    const s = await server({ dnsPort: 0, httpPort: 0, metricsPort: 0 });
    await dnsQuery(s.ports.dns as number, `whoami.${ZONE}`, 'A', { localAddress: '127.0.0.54' });
    expect((await httpGet(`http://127.0.0.1:${s.ports.http}/metrics`)).status).toBe(404);
    const m = await httpGet(`http://127.0.0.1:${s.ports.metrics}/metrics`);
    expect(m.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(m.body).toContain('# TYPE leakless_dns_queries_total counter\nleakless_dns_queries_total 1\n');
    expect(m.body).toContain('# TYPE leakless_store_up gauge\nleakless_store_up 1\n');
    expect(m.body).not.toMatch(/127\.0\.0\.54/);
    expect(s.config.metricsListen).toEqual(['127.0.0.1']);
  });
});
