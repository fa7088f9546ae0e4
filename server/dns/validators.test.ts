/**
 * Independent validators, not our code: BIND's delv with the zone's DNSKEY as trust anchor, and dnsmasq
 * validating with the zone's DS, both against the real server on loopback.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { Resolver } from 'node:dns/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../index.ts';
import { dnsmasqValidating, freeUdpPort, freshSecret, freshToken, httpGet, requireCommand, waitFor } from '../testing.ts';

const ZONE = 'check.leakless.test';
const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'leakless-dnssec-'));
let server: RunningServer;
const good = () => `dnssec-ok-${freshToken()}.${ZONE}`;
const bad = () => `dnssec-bad-${freshToken()}.${ZONE}`;

beforeAll(async () => {
  requireCommand('delv');
  requireCommand('dnsmasq');
  server = await startServer({
    listen: ['127.0.0.1'],
    httpPort: 0,
    dnsPort: 0,
    stunPort: null,
    dnsRate: 0,
    httpRate: 0,
    dnssecKey: join(dir, 'zone.pem'),
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('delv (BIND 9) with the DNSKEY as trust anchor', () => {
  const delv = async (name: string, type: string) => {
    const key = (server.dnssec?.dnskey ?? '').split(' ').slice(6).join('');
    const anchors = join(dir, 'anchors.conf');
    writeFileSync(anchors, `trust-anchors { ${ZONE}. static-key 257 3 13 "${key}"; };\n`);
    const args = ['@127.0.0.1', '-p', String(server.ports.dns), '-a', anchors, `+root=${ZONE}`, name, type];
    const out = await run('delv', args).catch((err: { stdout: string; stderr: string }) => err);
    return out.stdout + out.stderr;
  };

  it('the good name is fully validated', async () => {
    const out = await delv(good(), 'A');
    expect(out).toContain('; fully validated');
    expect(out).toMatch(/IN\s+A\s+127\.0\.0\.1/);
  });

  it('the broken name fails validation', async () => {
    const out = await delv(bad(), 'A');
    expect(out).toContain('resolution failed: RRSIG failed to verify');
    expect(out).not.toContain('fully validated');
  });

  it('NODATA and NXDOMAIN are validated denials (compact NSEC)', async () => {
    expect(await delv(good(), 'TXT')).toContain('; negative response, fully validated');
    expect(await delv(`no-such-name.${ZONE}`, 'A')).toContain('; negative response, fully validated');
    expect(await delv(`deep.no-such-name.${ZONE}`, 'AAAA')).toContain('; negative response, fully validated');
  });

  it('the apex, ns, whoami and token names validate', async () => {
    expect(await delv(ZONE, 'SOA')).toContain('; fully validated');
    expect(await delv(ZONE, 'DNSKEY')).toContain('; fully validated');
    expect(await delv(`ns.${ZONE}`, 'AAAA')).toContain('; fully validated');
    expect(await delv(`${freshToken()}.whoami.${ZONE}`, 'A')).toContain('; fully validated');
    expect(await delv(`${freshToken()}.${ZONE}`, 'A')).toContain('; fully validated');
  });
});

describe('dnsmasq validating with the DS as trust anchor', () => {
  let dnsmasq: ChildProcess;
  let port: number;
  let stderr = '';
  const client = () => {
    const r = new Resolver({ timeout: 2000, tries: 1 });
    r.setServers([`127.0.0.2:${port}`]);
    return r;
  };

  beforeAll(async () => {
    port = await freeUdpPort('127.0.0.2');
    const base = ['--no-daemon', '--conf-file=/dev/null', '--no-resolv', '--no-hosts', '--listen-address=127.0.0.2', '--bind-interfaces'];
    const args = [...base, `--port=${port}`, `--server=/${ZONE}/127.0.0.1#${server.ports.dns}`, '--pid-file='];
    dnsmasq = spawn('dnsmasq', [...args, ...dnsmasqValidating(server.dnssec?.ds ?? '')], { stdio: ['ignore', 'ignore', 'pipe'] });
    dnsmasq.stderr?.on('data', (d) => {
      stderr += d;
    });
    await waitFor(
      async () =>
        (await client()
          .resolve4(`ipv4.${ZONE}`)
          .catch(() => null)) !== null,
      5000,
    ).catch(() => {
      throw new Error(`dnsmasq did not come up: ${stderr}`);
    });
  });
  afterAll(async () => {
    if (dnsmasq?.exitCode === null) {
      const exited = new Promise((r) => dnsmasq.once('exit', r));
      dnsmasq.kill('SIGTERM');
      await exited;
    }
  });

  it('resolves the good name, and answers SERVFAIL for the broken one', async () => {
    expect(await client().resolve4(good())).toEqual(['127.0.0.1']);
    await expect(client().resolve4(bad())).rejects.toMatchObject({ code: 'ESERVFAIL' });
    await expect(client().resolve6(bad())).rejects.toMatchObject({ code: 'ESERVFAIL' });
  });

  it('validated denial: a missing name is NODATA (compact denial), not SERVFAIL', async () => {
    await expect(client().resolve4(`no-such-name.${ZONE}`)).rejects.toMatchObject({ code: 'ENODATA' });
  });

  it('a token lookup still reaches the server, so the leak check works through a validating resolver', async () => {
    const { secret, label } = freshSecret();
    expect(await client().resolve4(`${label}.${ZONE}`)).toEqual(['127.0.0.1']);
    const r = await httpGet(`http://127.0.0.1:${server.ports.http}/dns/${secret}`);
    expect(r.json).toEqual({ token: secret, resolvers: [{ ip: '127.0.0.1', family: 4 }] });
  });
});
