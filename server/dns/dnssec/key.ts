/**
 * The zone's one signing key (a combined signing key, CSK: flags 257, ECDSA P-256 / algorithm 13, RFC 6605),
 * and what the parent zone needs to point at it (the DS record).
 */
import { createHash, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../../config.ts';
import { name } from '../records.ts';

export const ALGORITHM_ECDSAP256SHA256 = 13;
const FLAGS_CSK = 257; // zone key + secure entry point: the one key signs everything and is what the DS names
const DIGEST_SHA256 = 2;

export interface ZoneKey {
  privateKey: KeyObject;
  /** DNSKEY RDATA: flags, protocol 3, algorithm, the 64-byte public point. */
  dnskey: Buffer;
  keyTag: number;
}

/** RFC 4034 Appendix B. */
export function keyTag(rdata: Buffer): number {
  let acc = 0;
  for (let i = 0; i < rdata.length; i++) acc += i & 1 ? (rdata[i] ?? 0) : (rdata[i] ?? 0) << 8;
  acc += (acc >> 16) & 0xffff;
  return acc & 0xffff;
}

export function zoneKeyFrom(privateKey: KeyObject): ZoneKey {
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new ConfigError('--dnssec-key: the key must be an ECDSA P-256 private key');
  }
  const jwk = privateKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from(jwk.x ?? '', 'base64url'), Buffer.from(jwk.y ?? '', 'base64url')]);
  const head = Buffer.alloc(4);
  head.writeUInt16BE(FLAGS_CSK, 0);
  head.writeUInt8(3, 2);
  head.writeUInt8(ALGORITHM_ECDSAP256SHA256, 3);
  const dnskey = Buffer.concat([head, point]);
  return { privateKey, dnskey, keyTag: keyTag(dnskey) };
}

export function generateZoneKey(): ZoneKey {
  return zoneKeyFrom(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
}

function parsePem(pem: Buffer, path: string): ZoneKey {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new ConfigError(`--dnssec-key: '${path}' is not a PEM private key`);
  }
  return zoneKeyFrom(key);
}

/**
 * The key in `path` (PEM PKCS#8), or a new one written there (mode 0600) when the file does not exist.
 * 'wx' makes creation exclusive: nodes starting together on a shared file all end up with the first one's key.
 */
export function loadOrCreateKeyFile(path: string): { key: ZoneKey; created: boolean } {
  const read = (): Buffer | null => {
    try {
      return readFileSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new ConfigError(`--dnssec-key: cannot read '${path}' (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  const existing = read();
  if (existing) return { key: parsePem(existing, path), created: false };
  const key = generateZoneKey();
  const pem = key.privateKey.export({ format: 'pem', type: 'pkcs8' });
  try {
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const raced = code === 'EEXIST' ? read() : null;
    if (raced) return { key: parsePem(raced, path), created: false };
    throw new ConfigError(`--dnssec-key: cannot create '${path}' (${code ?? 'error'})`);
  }
  return { key, created: true };
}

/** RFC 4509: SHA-256 over the owner name (canonical wire form) and the DNSKEY RDATA. */
export function dsDigest(zone: string, key: ZoneKey): string {
  return createHash('sha256').update(name(zone.toLowerCase())).update(key.dnskey).digest('hex').toUpperCase();
}

/** The DS record to publish at the parent, in zone-file syntax. */
export function dsLine(zone: string, key: ZoneKey): string {
  return `${zone}. IN DS ${key.keyTag} ${ALGORITHM_ECDSAP256SHA256} ${DIGEST_SHA256} ${dsDigest(zone, key)}`;
}

/** The DNSKEY in zone-file syntax (a trust anchor for delv or unbound). */
export function dnskeyLine(zone: string, key: ZoneKey): string {
  return `${zone}. IN DNSKEY ${FLAGS_CSK} 3 ${ALGORITHM_ECDSAP256SHA256} ${key.dnskey.subarray(4).toString('base64')}`;
}
