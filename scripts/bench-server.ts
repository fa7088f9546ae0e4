/**
 * Load benchmark for the check server (not a test). Starts the server as a child process on loopback
 * with rate limiting off, fires DNS queries for fresh tokens from 2 UDP sockets for a bounded time,
 * then prints queries/second answered and the server's peak RSS (VmHWM). Writes nothing but stdout.
 *
 *   npx tsx scripts/bench-server.ts [--seconds 10] [--window 64]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const SECONDS = Math.min(arg('seconds', 10), 120);
const WINDOW = arg('window', 64);
const SOCKETS = 2;
const ZONE = 'bench.leakless.test';

const main = fileURLToPath(new URL('../server/main.ts', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const server = spawn(
  process.execPath,
  ['--import', tsx, main, '--zone', ZONE, '--listen', '127.0.0.1', '--dns', '0', '--http', 'off', '--stun', 'off', '--dns-rate', '0'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const port = await new Promise<number>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = / dns=(\d+) /.exec(out);
    if (m) resolve(Number(m[1]));
  });
  server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
});

/** A query for "<32-char token>.<zone>" A, built once; the token bytes are rewritten per query. */
const template = (() => {
  const labels = [`${'a'.repeat(32)}`, ...ZONE.split('.')];
  const name = Buffer.concat([...labels.map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)])), Buffer.from([0])]);
  const header = Buffer.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, name, Buffer.from([0, 1, 0, 1])]);
})();
const prefix = randomBytes(6).toString('hex'); // 12 chars; + 20-char counter = 32

let answered = 0;
let lost = 0;
let counter = 0;
const running = { value: true };

function client(): Promise<void> {
  return new Promise((resolve) => {
    const sock = dgram.createSocket('udp4');
    const inflight = new Map<number, number>();
    let nextId = 0;
    const send = () => {
      if (!running.value) return;
      const q = Buffer.from(template);
      const id = nextId++ & 0xffff;
      q.writeUInt16BE(id, 0);
      q.write(prefix + (counter++).toString(36).padStart(20, '0'), 13, 'latin1');
      inflight.set(id, Date.now());
      sock.send(q, port, '127.0.0.1');
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
      while (running.value && inflight.size < WINDOW) send();
    }, 100);
    sock.bind(0, '127.0.0.1', () => {
      for (let i = 0; i < WINDOW; i++) send();
    });
    setTimeout(() => {
      running.value = false;
      clearInterval(refill);
      sock.close();
      resolve();
    }, SECONDS * 1000);
  });
}

const started = Date.now();
await Promise.all(Array.from({ length: SOCKETS }, client));
const elapsed = (Date.now() - started) / 1000;
const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
server.kill('SIGTERM');

const mb = (k: number) => (k / 1024).toFixed(1);
console.log(`DNS over UDP, loopback, ${SOCKETS} sockets × window ${WINDOW}, fresh token per query, ${elapsed.toFixed(1)} s`);
console.log(`answered: ${answered} (${Math.round(answered / elapsed)} queries/s), lost: ${lost}`);
console.log(`server peak RSS (VmHWM): ${mb(kb('VmHWM'))} MB, RSS at end: ${mb(kb('VmRSS'))} MB`);
