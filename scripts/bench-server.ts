/**
 * Load benchmark for the check server (not a test). Runs the compiled bundle as separate processes on
 * loopback, with rate limiting off, for a bounded time per phase:
 *  1. one node, in-memory store: DNS queries/s for fresh tokens, from 2 UDP sockets;
 *  2. two DNS nodes on one redis-server (started here, nothing on disk): the same load, one socket each;
 *  3. the time from sending a token's DNS query to node A until node B's /dns read returns it.
 *  4. HTTP /ip answer time with the operator databases (country/ASN/organisation lookups) on and off, and the
 *     node's resident memory with and without them.
 * Prints queries/s, peak RSS (VmHWM) of every node and of redis, and the latency quantiles. Writes nothing but stdout.
 * `--ip-data off` runs phases 1–3 without the databases (default on, as deployed).
 *
 * With --signed every query carries EDNS with the DO bit, so every answer is signed (RRSIG per RRset); without
 * it nothing is signed. Run both to see what signing costs.
 *
 *   npm run bench:server -- [--seconds 10] [--window 64] [--samples 300] [--ip-data on|off] [--signed]
 */
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { buildBundle, type NodeProcess, startNode } from '../server/nodes-testing.ts';
import { startRedis } from '../server/redis-testing.ts';
import { labelFor } from '../server/secret.ts';
import { encodeQuery, httpGet, udpExchange } from '../server/testing.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = Math.min(arg('seconds', 10), 120);
const WINDOW = arg('window', 64);
const SAMPLES = Math.min(arg('samples', 300), 5000);
const ZONE = 'bench.leakless.test';
const SIGNED = process.argv.includes('--signed');
/** EDNS OPT: 1232-byte payload, DO set (RFC 3225). */
const DO_OPT = Buffer.from([0, 0, 41, 0x04, 0xd0, 0, 0, 0x80, 0, 0, 0]);

/** A query for "<32-char token>.<zone>" A, built once; the token bytes are rewritten per query. */
const template = (() => {
  const labels = ['a'.repeat(32), ...ZONE.split('.')];
  const name = Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])]);
  const header = Buffer.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, SIGNED ? 1 : 0]);
  return Buffer.concat([header, name, Buffer.from([0, 1, 0, 1]), SIGNED ? DO_OPT : Buffer.alloc(0)]);
})();

/** Keeps WINDOW fresh-token queries in flight against one address for SECONDS; counts the answers. */
function load(host: string, port: number): Promise<{ answered: number; lost: number }> {
  const prefix = randomBytes(6).toString('hex'); // 12 chars; + 20-char counter = 32
  let answered = 0;
  let lost = 0;
  let counter = 0;
  let running = true;
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const inflight = new Map<number, number>();
    let nextId = 0;
    const send = () => {
      if (!running) return;
      const q = Buffer.from(template);
      const id = nextId++ & 0xffff;
      q.writeUInt16BE(id, 0);
      q.write(prefix + (counter++).toString(36).padStart(20, '0'), 13, 'latin1');
      inflight.set(id, Date.now());
      sock.send(q, port, host);
    };
    sock.on('message', (msg) => {
      if (msg.length >= 12 && inflight.delete(msg.readUInt16BE(0))) {
        answered++;
        send();
      }
    });
    // Losses would shrink the window forever; expire stale queries and refill.
    const refill = setInterval(() => {
      const now = Date.now();
      for (const [id, t] of inflight) {
        if (now - t > 500) {
          inflight.delete(id);
          lost++;
        }
      }
      while (running && inflight.size < WINDOW) send();
    }, 100);
    sock.bind(0, '127.0.0.1', () => {
      for (let i = 0; i < WINDOW; i++) send();
    });
    setTimeout(() => {
      running = false;
      clearInterval(refill);
      sock.close();
      resolve({ answered, lost });
    }, SECONDS * 1000);
  });
}

/** The p-quantile of xs, in ms with two decimals. */
const q = (xs: number[], p: number) => {
  const sorted = [...xs].sort((x, y) => x - y);
  return (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN).toFixed(2);
};
const peakMb = (pid: number | undefined) => {
  const m = /^VmHWM:\s+(\d+) kB/m.exec(pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '');
  return m ? (Number(m[1]) / 1024).toFixed(1) : '?';
};
const IP_DATA = process.argv[process.argv.indexOf('--ip-data') + 1] === 'off' ? 'off' : 'on';
const IP_DATA_OFF = ['--asn-db', 'off', '--country-db', 'off'];
const common = [
  ...['--zone', ZONE, '--dns', '0', '--http', 'off', '--stun', 'off', '--dns-rate', '0', '--http-rate', '0'],
  ...(IP_DATA === 'off' ? IP_DATA_OFF : []),
];
console.log(`operator databases in phases 1-3: ${IP_DATA}`);
// The load is fresh tokens from one source per socket: give each source the whole table.
const tables = ['--max-tokens', '20000', '--tokens-per-source', '20000'];

await buildBundle();
console.log(SIGNED ? 'signed: every query asks for DNSSEC (DO), every answer carries an RRSIG' : 'unsigned: no query asks for DNSSEC');

// 1. One node, in memory.
{
  const node = await startNode([...common, ...tables, '--listen', '127.0.0.1']);
  const started = Date.now();
  const runs = await Promise.all([load('127.0.0.1', node.ports.dns as number), load('127.0.0.1', node.ports.dns as number)]);
  const elapsed = (Date.now() - started) / 1000;
  const answered = runs.reduce((n, r) => n + r.answered, 0);
  console.log(
    `one node, memory store: ${Math.round(answered / elapsed)} DNS queries/s (2 sockets × window ${WINDOW}, ${elapsed.toFixed(1)} s, lost ${runs.reduce((n, r) => n + r.lost, 0)})`,
  );
  console.log(`  node peak RSS (VmHWM): ${peakMb(node.child.pid)} MB`);
  await node.stop();
}

// 2 and 3. Two DNS nodes and one HTTP node on one redis-server.
const redis = await startRedis();
const nodes: NodeProcess[] = [];
try {
  const shared = [...common, ...tables, '--store', redis.url];
  nodes.push(await startNode([...shared, '--listen', '127.0.0.2']), await startNode([...shared, '--listen', '127.0.0.3']));
  const [a, b] = nodes as [NodeProcess, NodeProcess];
  const started = Date.now();
  const runs = await Promise.all([load('127.0.0.2', a.ports.dns as number), load('127.0.0.3', b.ports.dns as number)]);
  const elapsed = (Date.now() - started) / 1000;
  const answered = runs.reduce((n, r) => n + r.answered, 0);
  console.log(
    `two nodes, one redis-server: ${Math.round(answered / elapsed)} DNS queries/s in all (1 socket × window ${WINDOW} per node, ${elapsed.toFixed(1)} s, lost ${runs.reduce((n, r) => n + r.lost, 0)})`,
  );
  console.log(`  node A peak RSS: ${peakMb(a.child.pid)} MB, node B: ${peakMb(b.child.pid)} MB, redis-server: ${peakMb(redis.pid())} MB`);

  const reader = await startNode([
    ...(IP_DATA === 'off' ? IP_DATA_OFF : []),
    '--zone',
    ZONE,
    '--dns',
    'off',
    '--http',
    '0',
    '--stun',
    'off',
    '--http-rate',
    '0',
    '--store',
    redis.url,
    '--listen',
    '127.0.0.4',
  ]);
  nodes.push(reader);
  const total: number[] = [];
  const answer: number[] = [];
  let retries = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const secret = randomBytes(16).toString('hex');
    const t0 = performance.now();
    await udpExchange(a.ports.dns as number, encodeQuery(`${labelFor(secret)}.${ZONE}`, 'A', { dnssecOk: SIGNED }), { host: '127.0.0.2' });
    answer.push(performance.now() - t0);
    // The answer leaves node A only once the write is in redis, so the first read should already find it.
    for (let tries = 0; tries < 100; tries++) {
      const r = await httpGet(`http://127.0.0.4:${reader.ports.http}/dns/${secret}`);
      if ((r.json as { resolvers?: unknown[] }).resolvers?.length) break;
      retries++;
    }
    total.push(performance.now() - t0);
  }
  console.log(`token from DNS query on node A to read back on node B (${SAMPLES} tokens, one at a time, a new TCP connection per read):`);
  console.log(`  DNS answer (includes the redis write): median ${q(answer, 0.5)} ms, p99 ${q(answer, 0.99)} ms`);
  console.log(
    `  until readable on node B: median ${q(total, 0.5)} ms, p99 ${q(total, 0.99)} ms, max ${q(total, 1)} ms; reads that found nothing yet: ${retries}`,
  );
} finally {
  await Promise.all(nodes.map((n) => n.stop()));
  await redis.stop();
}

const rssMb = (pid: number | undefined) => {
  const m = /^VmRSS:\s+(\d+) kB/m.exec(pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '');
  return m ? (Number(m[1]) / 1024).toFixed(1) : '?';
};

// 4. /ip with and without lookups: the client address comes from X-Forwarded-For, so each request looks up
// another public address (spread over the whole IPv4 space), as a real deployment's clients would.
for (const mode of ['off', 'on'] as const) {
  const t0 = performance.now();
  const node = await startNode([
    ...['--zone', ZONE, '--dns', 'off', '--stun', 'off', '--http', '0', '--http-rate', '0', '--listen', '127.0.0.6'],
    ...['--trust-proxy', '127.0.0.6', ...(mode === 'off' ? IP_DATA_OFF : [])],
  ]);
  const startMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < SAMPLES * 3; i++) {
    const address = [((i * 37) % 223) + 1, (i * 101) % 256, (i * 7) % 256, 1].join('.');
    const r0 = performance.now();
    await httpGet(`http://127.0.0.6:${node.ports.http}/ip`, { headers: { 'x-forwarded-for': address } });
    times.push(performance.now() - r0);
  }
  console.log(
    `/ip with operator lookups ${mode}: median ${q(times, 0.5)} ms, p99 ${q(times, 0.99)} ms (${times.length} requests, one at a time, a new TCP connection each); ` +
      `start-up ${(startMs / 1000).toFixed(1)} s; RSS ${rssMb(node.child.pid)} MB (peak ${peakMb(node.child.pid)} MB)`,
  );
  await node.stop();
}
