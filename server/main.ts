/**
 * CLI. Zero-log: the only output is one startup line and configuration/startup errors — nothing about
 * any client ever reaches stdout, stderr or disk.
 */
import { ConfigError, parseArgs, type RunningServer, startServer, USAGE, zoneKeyFor } from './index.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`leakless-server: ${message}\n`);
  process.exit(code);
}

// A crash message could carry request data in principle, so only the error's class is printed.
process.on('uncaughtException', (err) => fail(`internal error (${err.name})`, 1));
process.on('unhandledRejection', (err) => fail(`internal error (${(err as Error)?.name ?? 'rejection'})`, 1));

const argv = process.argv.slice(2);
// A command, not a setting: it takes no value and starts nothing.
const printDs = argv.includes('--print-ds');
let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs(argv.filter((a) => a !== '--print-ds'));
  if (printDs && parsed !== 'help') {
    if (parsed.dnssecKey === null) throw new ConfigError('--print-ds needs --dnssec-key <path>: an in-memory key has no lasting DS');
    const { info } = zoneKeyFor(parsed);
    process.stdout.write(`${info.ds}\n${info.dnskey}\n`);
    process.exit(0);
  }
} catch (err) {
  if (err instanceof ConfigError) fail(err.message, 2);
  throw err;
}
if (parsed === 'help') {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

let server: RunningServer;
try {
  server = await startServer(parsed);
} catch (err) {
  if (err instanceof ConfigError) fail(err.message, 2);
  fail((err as Error).message, 1);
}

const p = server.ports;
const show = (port: number | null) => (port === null ? 'off' : String(port));
process.stdout.write(
  `leakless-server listening zone=${server.config.zone} listen=${server.config.listen.join(',')} ` +
    `dns=${show(p.dns)} stun=${show(p.stun)} http=${show(p.http)} https=${show(p.https)} metrics=${show(p.metrics)}\n`,
);
const KEY_NOTE = {
  file: `key=${server.config.dnssecKey}`,
  created: `key=${server.config.dnssecKey} (new)`,
  memory: 'key=memory (a new key at every start: the DS changes on every restart; keep one with --dnssec-key <path>)',
} as const;
if (server.dnssec) process.stdout.write(`leakless-server dnssec ${KEY_NOTE[server.dnssec.key]} ds=${server.dnssec.ds}\n`);

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1); // second signal: the operator insists
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
