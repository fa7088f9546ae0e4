/** Check-server nodes as real processes running the compiled bundle, for the multi-node test and the benchmark. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { waitFor } from './testing.ts';

export const BUNDLE = fileURLToPath(new URL('../dist-server/leakless-server.mjs', import.meta.url));
const BUILD = fileURLToPath(new URL('../scripts/build-server.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

export async function buildBundle(): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', TSX, BUILD]);
}

export interface NodeProcess {
  child: ChildProcess;
  ports: Record<'dns' | 'stun' | 'http' | 'https' | 'metrics', number | null>;
  metrics(): Promise<string>;
  stop(): Promise<void>;
}

const STARTUP = / dns=(\S+) stun=(\S+) http=(\S+) https=(\S+) metrics=(\S+)\n/;

/** Starts `node dist-server/leakless-server.mjs …args` and waits for its startup line (loading the operator databases takes seconds). */
export async function startNode(args: readonly string[]): Promise<NodeProcess> {
  const child = spawn(process.execPath, [BUNDLE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const m = await waitFor(() => STARTUP.exec(out) ?? (child.exitCode !== null ? ['exited'] : null), 120_000);
  if (m[0] === 'exited') throw new Error(`node exited: ${out}`);
  const port = (v: string | undefined) => (v === undefined || v === 'off' ? null : Number(v));
  const ports = { dns: port(m[1]), stun: port(m[2]), http: port(m[3]), https: port(m[4]), metrics: port(m[5]) };
  const host = args[args.indexOf('--metrics-listen') + 1] ?? '127.0.0.1';
  return {
    child,
    ports,
    metrics: async () => (await fetch(`http://${host}:${ports.metrics}/metrics`)).text(),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One metric's value from the Prometheus text, or NaN. */
export function metric(text: string, name: string): number {
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}
