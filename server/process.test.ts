/**
 * The CLI as a real process: zero-log (nothing about clients on stdout/stderr or on disk), TTL expiry,
 * graceful shutdown, and clear errors with non-zero exits for bad configuration.
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE, buildBundle } from './nodes-testing.ts';
import { decodeXorMappedAddress, MAGIC_COOKIE } from './stun/codec.ts';
import { freshSecret, httpGet, IP_DATA_OFF_ARGS, requireCommand, udpExchange, waitFor } from './testing.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
// Loaded straight into node (not via the tsx CLI, which keeps an IPC pipe in the temp dir).
const TSX = createRequire(import.meta.url).resolve('tsx');
const ZONE = 'check.leakless.test';
const STARTUP =
  /^leakless-server listening zone=\S+ listen=\S+ dns=(\d+|off) stun=(\d+|off) http=(\d+|off) https=(\d+|off) metrics=(\d+|off)\n/;
const DS = /IN DS \d{1,5} 13 2 [0-9A-F]{64}/;
const EPHEMERAL = new RegExp(
  `\nleakless-server dnssec key=memory \\(a new key at every start: the DS changes on every restart; keep one with --dnssec-key <path>\\) ds=${ZONE}\\. ${DS.source}\n$`,
);

const sandbox = mkdtempSync(join(tmpdir(), 'leakless-proc-'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function dirs() {
  const root = mkdtempSync(join(sandbox, 'run-'));
  const made = { cwd: join(root, 'cwd'), home: join(root, 'home'), tmp: join(root, 'tmp') };
  for (const d of Object.values(made)) mkdirSync(d);
  return made;
}

function launch(args: string[], where = dirs(), program = ['--import', TSX, MAIN]) {
  const child = spawn(process.execPath, [...program, ...args], {
    cwd: where.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: where.home, TMPDIR: where.tmp, TSX_DISABLE_CACHE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => {
    out.stdout += d;
  });
  child.stderr.on('data', (d) => {
    out.stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited, where };
}

const listing = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String);

describe('zero-log', () => {
  beforeAll(() => requireCommand('dig'));
  it('a full round leaves no trace in output or on disk; tokens expire; SIGTERM exits 0', async () => {
    const p = launch([
      ...IP_DATA_OFF_ARGS,
      ...['--listen', '127.0.0.1', '--http', '0', '--dns', '0', '--stun', '0', '--metrics', '0', '--token-ttl', '1'],
    ]);
    await waitFor(() => STARTUP.test(p.out.stdout), 15_000);
    const [, dns, stun, http, , metrics] = STARTUP.exec(p.out.stdout)?.map(Number) ?? [];
    const base = `http://127.0.0.1:${http}`;
    const client = '127.0.0.33'; // appears nowhere in the config, so any mention of it is a leak

    const read = freshSecret();
    const expire = freshSecret();
    const dig = promisify(execFile);
    for (const t of [read.label, expire.label]) {
      const { stdout } = await dig('dig', [
        '@127.0.0.1',
        '-p',
        String(dns),
        '-b',
        client,
        '+short',
        '+time=2',
        '+tries=1',
        `${t}.${ZONE}`,
        'A',
      ]);
      expect(stdout.trim()).toBe('127.0.0.1');
    }
    expect((await httpGet(`${base}/dns/${read.secret}`, { localAddress: client })).json).toEqual({
      token: read.secret,
      resolvers: [{ ip: client, family: 4 }],
    });
    expect((await httpGet(`${base}/ip`, { localAddress: client })).json).toEqual({ ip: client, family: 4 });
    const stunReq = Buffer.alloc(20);
    stunReq.writeUInt16BE(1, 0);
    stunReq.writeUInt32BE(MAGIC_COOKIE, 4);
    randomBytes(12).copy(stunReq, 8);
    const reply = await udpExchange(stun as number, stunReq, { localAddress: client });
    expect(decodeXorMappedAddress(reply as Buffer)?.address).toBe(client);
    expect((await httpGet(`${base}/nope`, { localAddress: client })).status).toBe(404);

    // The unread token disappears by itself once its 1 s TTL has passed.
    await waitFor(async () => (await httpGet(`http://127.0.0.1:${metrics}/metrics`)).body.includes('\nleakless_tokens_live 0\n'), 5000);
    expect((await httpGet(`${base}/dns/${expire.secret}`)).json).toEqual({ token: expire.secret, resolvers: [] });

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out.stdout).toMatch(STARTUP);
    expect(p.out.stdout).toMatch(EPHEMERAL); // the startup line and the DNSSEC line, nothing else
    expect(p.out.stdout.split('\n')).toHaveLength(3);
    expect(p.out.stderr).toBe('');
    for (const secret of [client, read.secret, read.label, expire.secret, expire.label])
      expect(p.out.stdout + p.out.stderr).not.toContain(secret);
    for (const d of Object.values(p.where)) expect(listing(d), d).toEqual([]);
  }, 30_000);
});

describe('the DNSSEC key', () => {
  it('--print-ds makes the key file once and prints the same DS each time; the server started on it logs that DS', async () => {
    const keyFile = join(mkdtempSync(join(sandbox, 'key-')), 'zone.pem');
    const print = async () => {
      const p = launch(['--zone', ZONE, '--dnssec-key', keyFile, '--print-ds']);
      expect(await p.exited).toBe(0);
      expect(p.out.stderr).toBe('');
      return p.out.stdout;
    };
    const first = await print();
    expect(first).toMatch(new RegExp(`^${ZONE}\\. ${DS.source}\n${ZONE}\\. IN DNSKEY 257 3 13 [A-Za-z0-9+/]{86}==\n$`));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await print()).toBe(first);

    const s = launch(['--listen', '127.0.0.1', '--http', 'off', '--dns', '0', '--stun', 'off', '--dnssec-key', keyFile]);
    await waitFor(() => s.out.stdout.includes(' ds='), 15_000);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.out.stdout).toContain(`\nleakless-server dnssec key=${keyFile} ds=${first.split('\n')[0]}\n`);
  }, 30_000);
});

describe('bad configuration', () => {
  it('prints a clear error and exits 2; an occupied port exits 1', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const busyPort = (busy.address() as net.AddressInfo).port;
    const corrupt = join(sandbox, 'corrupt.mmdb');
    writeFileSync(corrupt, 'this is not a database');
    const badKey = join(mkdtempSync(join(sandbox, 'key-')), 'bad.pem');
    writeFileSync(badKey, 'not a key\n');
    const cases: [string[], number, RegExp][] = [
      [['--frobnicate'], 2, /^leakless-server: unknown option '--frobnicate' \(see --help\)\n$/],
      [['--token-ttl', '61'], 2, /--token-ttl: expected an integer from 1 to 60, got '61'/],
      [['--http', '99999'], 2, /--http: expected an integer from 0 to 65535/],
      [
        ['--https', '0', '--cert', '/nonexistent/cert.pem', '--key', '/nonexistent/key.pem', '--dns', '0', '--stun', '0', '--http', '0'],
        2,
        /--cert: cannot read '\/nonexistent\/cert.pem' \(ENOENT\)/,
      ],
      [['--print-ds'], 2, /^leakless-server: --print-ds needs --dnssec-key <path>: an in-memory key has no lasting DS\n$/],
      [
        [...IP_DATA_OFF_ARGS, '--dnssec-key', badKey, '--dns', '0', '--stun', '0', '--http', '0'],
        2,
        /--dnssec-key: '.*bad\.pem' is not a PEM private key/,
      ],
      [
        ['--asn-db', '/nonexistent/asn-ipv4.csv', '--country-db', 'off', '--http', '0', '--dns', '0', '--stun', '0'],
        2,
        /^leakless-server: --asn-db: '\/nonexistent\/asn-ipv4.csv': cannot read \(ENOENT\); install it \(npm ci\)/,
      ],
      [
        ['--asn-db', 'off', '--country-db', corrupt, '--http', '0', '--dns', '0', '--stun', '0'],
        2,
        new RegExp(`^leakless-server: --country-db: '${corrupt}': not an MMDB database`),
      ],
      [
        [...IP_DATA_OFF_ARGS, '--listen', '127.0.0.1', '--http', String(busyPort), '--dns', '0', '--stun', '0'],
        1,
        new RegExp(`cannot listen for http on port ${busyPort}.*EADDRINUSE`),
      ],
    ];
    try {
      const results = await Promise.all(cases.map(([args]) => launch(args)).map(async (p) => ({ code: await p.exited, ...p.out })));
      results.forEach((r, i) => {
        const [args, code, message] = cases[i] as (typeof cases)[number];
        expect(r.code, args.join(' ')).toBe(code);
        expect(r.stderr, args.join(' ')).toMatch(message);
        expect(r.stdout).toBe('');
      });
    } finally {
      busy.close();
    }
  }, 30_000);
});

describe('the built bundle with its databases', () => {
  it('runs from a copy of dist-server/ alone and names the operator of the address it reports', async () => {
    await buildBundle();
    const where = dirs();
    // As the deployment guide does it: the bundle and ip-data/ copied somewhere with no node_modules above.
    const opt = join(where.cwd, '..', 'opt');
    cpSync(join(BUNDLE, '..'), opt, { recursive: true });
    const p = launch(['--listen', '127.0.0.1', '--http', '0', '--dns', 'off', '--stun', 'off', '--trust-proxy', '127.0.0.1'], where, [
      join(opt, 'leakless-server.mjs'),
    ]);
    await waitFor(() => STARTUP.test(p.out.stdout) || p.child.exitCode !== null, 110_000);
    const http = Number(STARTUP.exec(p.out.stdout)?.[3]);
    // 9.9.9.9 as the package's asn-ipv4.csv has it (`9.9.9.0,9.9.9.255,19281,Quad9`) and iptoasn-country.
    const r = await httpGet(`http://127.0.0.1:${http}/ip`, { headers: { 'x-forwarded-for': '9.9.9.9' } });
    expect(r.json).toEqual({ ip: '9.9.9.9', family: 4, country: 'US', asn: 19281, org: 'Quad9' });
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(p.out.stderr).toBe('');
    expect(p.out.stdout).toMatch(STARTUP);
  }, 180_000);
});
