import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { TEST_KEY_PEM } from './fixture.ts';
import { loadOrCreateKeyFile } from './key.ts';

const dir = mkdtempSync(join(tmpdir(), 'leakless-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--dnssec-key file', () => {
  it('loads an existing PEM PKCS#8 P-256 key', () => {
    const path = join(dir, 'given.pem');
    writeFileSync(path, TEST_KEY_PEM);
    const { key, created } = loadOrCreateKeyFile(path);
    expect(created).toBe(false);
    expect(key.keyTag).toBe(14608);
  });

  it('generates a key where none exists, mode 0600, and finds the same key there next time (other nodes too)', () => {
    const path = join(dir, 'new.pem');
    const first = loadOrCreateKeyFile(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    const second = loadOrCreateKeyFile(path);
    expect(second.created).toBe(false);
    expect(second.key.dnskey).toEqual(first.key.dnskey);
  });

  it('a malformed file is a clear startup error, never a new key over it', () => {
    const path = join(dir, 'bad.pem');
    writeFileSync(path, '-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n');
    expect(() => loadOrCreateKeyFile(path)).toThrow(ConfigError);
    expect(() => loadOrCreateKeyFile(path)).toThrow(`--dnssec-key: '${path}' is not a PEM private key`);
    expect(readFileSync(path, 'utf8')).toContain('not base64');
  });

  it('a key of another kind or curve is refused', () => {
    const path = join(dir, 'p384.pem');
    writeFileSync(path, generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(() => loadOrCreateKeyFile(path)).toThrow('--dnssec-key: the key must be an ECDSA P-256 private key');
    const ed = join(dir, 'ed.pem');
    writeFileSync(ed, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(() => loadOrCreateKeyFile(ed)).toThrow('--dnssec-key: the key must be an ECDSA P-256 private key');
  });

  it('a place it cannot write is an error naming the path', () => {
    const path = join(dir, 'no-such-dir', 'k.pem');
    expect(() => loadOrCreateKeyFile(path)).toThrow(`--dnssec-key: cannot create '${path}' (ENOENT)`);
  });
});
