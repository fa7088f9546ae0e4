/**
 * CLI. Zero-log: the only output is one startup line and configuration/startup errors — nothing about
 * any client ever reaches stdout, stderr or disk.
 */
import { ConfigError, parseArgs, type RunningServer, startServer, USAGE } from './index.ts';

function fail(message: string, code: number): never {
  process.stderr.write(`leakless-server: ${message}\n`);
  process.exit(code);
}

// A crash message could carry request data in principle, so only the error's class is printed.
process.on('uncaughtException', (err) => fail(`internal error (${err.name})`, 1));
process.on('unhandledRejection', (err) => fail(`internal error (${(err as Error)?.name ?? 'rejection'})`, 1));

let parsed: ReturnType<typeof parseArgs>;
try {
  parsed = parseArgs(process.argv.slice(2));
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
