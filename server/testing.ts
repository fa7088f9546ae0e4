/** Helpers shared by the server's tests and the benchmark (not used by the server itself). */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import dnsPacket from 'dns-packet';
import { labelFor } from './secret.ts';
import { MAGIC_COOKIE } from './stun/codec.ts';

/**
 * Fails the calling suite, loudly, when a tool its tests need is missing: `npm test` installs them first
 * (scripts/ensure-browsers.sh), so a missing one means a broken setup, never a reason to skip.
 */
export function requireCommand(cmd: string): void {
  if (!hasCommand(cmd)) throw new Error(`${cmd} is not installed: run sh scripts/ensure-browsers.sh (npm test does)`);
}

export function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Servers whose test is not about operator data skip loading it (seconds of CSV at every start). */
export const IP_DATA_OFF = { asnDb: null, countryDb: null } as const;
export const IP_DATA_OFF_ARGS = ['--asn-db', 'off', '--country-db', 'off'] as const;
/** A UDP port that was free a moment ago on `address` (for a child process that needs a number up front). */
export function freeUdpPort(address: string): Promise<number> {
  return new Promise((resolve) => {
    const s = dgram.createSocket(address.includes(':') ? 'udp6' : 'udp4');
    s.bind({ address, port: 0 }, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * dnsmasq's options to validate the zone whose DS (zone-file syntax, from the server) is given. dnsmasq
 * insists on a root anchor too (it is the real root KSK-2017; nothing here ever reaches the root), and
 * unsigned answers for other names are taken as they come rather than proven unsigned up to that root.
 */
export function dnsmasqValidating(dsLine: string): string[] {
  const [owner, , , tag, alg, digestType, digest] = dsLine.split(' ');
  return [
    '--dnssec',
    `--trust-anchor=${owner?.replace(/\.$/, '')},${tag},${alg},${digestType},${digest}`,
    '--trust-anchor=.,20326,8,2,E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D',
    '--dnssec-check-unsigned=no',
  ];
}

/** A fresh 32-character token (128 bits). */
export function freshToken(): string {
  return randomBytes(16).toString('hex');
}

/** A fresh read secret and the DNS label it stands for, as the extension makes them. */
export function freshSecret(): { secret: string; label: string } {
  const secret = freshToken();
  return { secret, label: labelFor(secret) };
}

/** Bytes written out in hex, spaces allowed between fields: expected wire values in tests. */
export const hex = (s: string): Buffer => Buffer.from(s.replace(/\s/g, ''), 'hex');

/** dns-packet's decode, typed with the rcode its typings omit. */
export function decode(buf: Buffer): dnsPacket.DecodedPacket & { rcode: string } {
  return dnsPacket.decode(buf) as dnsPacket.DecodedPacket & { rcode: string };
}

/** Query types, including the meta types dns-packet's typings omit. */
export type QType = dnsPacket.RecordType | 'ANY' | 'AXFR';

export interface QueryOptions {
  id?: number;
  ecs?: { ip: string; prefix: number; family?: 1 | 2 };
  edns?: boolean;
  /** EDNS with the DO bit: ask for the signatures (RFC 3225). */
  dnssecOk?: boolean;
  flags?: number;
}

export function encodeQuery(name: string, type: QType, opts: QueryOptions = {}): Buffer {
  const additionals: dnsPacket.Answer[] = [];
  if (opts.edns || opts.ecs || opts.dnssecOk) {
    const options = opts.ecs
      ? [
          {
            code: 'CLIENT_SUBNET',
            family: opts.ecs.family ?? 1,
            sourcePrefixLength: opts.ecs.prefix,
            scopePrefixLength: 0,
            ip: opts.ecs.ip,
          },
        ]
      : [];
    additionals.push({
      type: 'OPT',
      name: '.',
      udpPayloadSize: 1232,
      flags: opts.dnssecOk ? dnsPacket.DNSSEC_OK : 0,
      options,
    } as unknown as dnsPacket.Answer);
  }
  return dnsPacket.encode({
    type: 'query',
    id: opts.id ?? Math.floor(Math.random() * 65536),
    flags: opts.flags ?? 0,
    questions: [{ type: type as dnsPacket.RecordType, name, class: 'IN' }],
    additionals,
  });
}

/** One UDP exchange; resolves null on timeout (a dropped query). */
export function udpExchange(
  port: number,
  packet: Buffer,
  { host = '127.0.0.1', localAddress, timeoutMs = 1000 }: { host?: string; localAddress?: string; timeoutMs?: number } = {},
): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const timer = setTimeout(() => {
      socket.close();
      resolve(null);
    }, timeoutMs);
    socket.on('error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
    socket.on('message', (msg) => {
      clearTimeout(timer);
      socket.close();
      resolve(msg);
    });
    socket.bind({ address: localAddress ?? (host.includes(':') ? '::' : '0.0.0.0'), port: 0 }, () => socket.send(packet, port, host));
  });
}

export async function dnsQuery(
  port: number,
  name: string,
  type: QType,
  opts: QueryOptions & { host?: string; localAddress?: string } = {},
) {
  const reply = await udpExchange(port, encodeQuery(name, type, opts), opts);
  if (!reply) throw new Error(`no DNS answer for ${name} ${type}`);
  return decode(reply);
}

export interface HttpResult {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export function httpGet(
  url: string,
  opts: { headers?: Record<string, string>; localAddress?: string; method?: string; ca?: string | Buffer; lookup?: LookupFunction } = {},
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const lib = u.protocol === 'https:' ? https : http;
    const req = lib.request(
      u,
      {
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
        agent: false,
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        ...(opts.ca ? { ca: opts.ca } : {}),
        ...(opts.lookup ? { lookup: opts.lookup } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Polls until check() is truthy; for conditions that become true asynchronously. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000, stepMs = 50): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A STUN Binding Request (RFC 8489 header) with these attributes. */
export function bindingRequest(txid: Buffer, attrs: Buffer = Buffer.alloc(0)): Buffer {
  const b = Buffer.alloc(20);
  b.writeUInt16BE(0x0001, 0);
  b.writeUInt16BE(attrs.length, 2);
  b.writeUInt32BE(MAGIC_COOKIE, 4);
  txid.copy(b, 8);
  return Buffer.concat([b, attrs]);
}
