/** A real redis-server for the tests and the benchmark, on a free loopback port, nothing on disk. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasCommand, waitFor } from './testing.ts';

export interface TestRedis {
  port: number;
  /** The running process, for the benchmark's memory figures. */
  pid(): number | undefined;
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing was persisted). */
  start(): Promise<void>;
}

const MISSING = 'redis-server is not installed: run sh scripts/ensure-browsers.sh (Debian: apt-get install redis-server)';

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function launch(port: number, clusterDir: string | null): Promise<ChildProcess> {
  // `--save ''` and `--appendonly no`: what the docs ask of a production store too.
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  // A cluster node must write its node table somewhere: a temporary directory, removed on stop.
  if (clusterDir)
    args.push('--cluster-enabled', 'yes', '--cluster-announce-ip', '127.0.0.1', '--cluster-config-file', join(clusterDir, 'nodes.conf'));
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'], ...(clusterDir ? { cwd: clusterDir } : {}) });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += d;
      if (out.includes('Ready to accept connections')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out.slice(-500)}`)));
  });
}

/** A one-node Valkey/Redis Cluster owning every slot: enough to run the cluster client and its routing. */
async function formCluster(port: number): Promise<void> {
  const cli = (...args: string[]) => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
  cli('cluster', 'addslotsrange', '0', '16383');
  await waitFor(() => cli('cluster', 'info').includes('cluster_state:ok'), 10_000);
}

/** Throws (never skips) when the binary is missing: CI installs it. */
export async function startRedis({ cluster = false } = {}): Promise<TestRedis> {
  if (!hasCommand('redis-server')) throw new Error(MISSING);
  const port = await freePort();
  const clusterDir = cluster ? mkdtempSync(join(tmpdir(), 'leakless-redis-')) : null;
  let child: ChildProcess | null = await launch(port, clusterDir);
  if (cluster) await formCluster(port);
  return {
    port,
    pid: () => child?.pid,
    url: `${cluster ? 'redis-cluster' : 'redis'}://127.0.0.1:${port}`,
    async stop() {
      const c = child;
      child = null;
      if (c && c.exitCode === null) {
        const exited = new Promise((resolve) => c.once('exit', resolve));
        c.kill('SIGTERM');
        await exited;
      }
      if (clusterDir) rmSync(clusterDir, { recursive: true, force: true });
    },
    async start() {
      if (!child) child = await launch(port, clusterDir);
    },
  };
}
