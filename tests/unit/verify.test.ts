import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { compareFiles } from '../../scripts/verify-compare';
import { crxZip, readCopy, withoutStoreFiles } from '../../scripts/verify-read';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

function crx(zip: Uint8Array, header = new Uint8Array([1, 2, 3, 4, 5])): Uint8Array {
  const out = new Uint8Array(12 + header.length + zip.length);
  out.set(enc('Cr24'));
  new DataView(out.buffer).setUint32(4, 3, true);
  new DataView(out.buffer).setUint32(8, header.length, true);
  out.set(header, 12);
  out.set(zip, 12 + header.length);
  return out;
}

describe('reading a copy', () => {
  const zip = zipSync({ 'manifest.json': enc('{"version":"1"}'), 'assets/': new Uint8Array(), 'assets/a.js': enc('a') });

  test('a .crx is its CRX3 header and a zip; the header is skipped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-'));
    writeFileSync(join(dir, 'x.crx'), crx(zip));
    writeFileSync(join(dir, 'x.xpi'), zip);
    for (const name of ['x.crx', 'x.xpi']) {
      const files = readCopy(join(dir, name));
      expect([...files.keys()]).toEqual(['manifest.json', 'assets/a.js']);
      expect(dec(files.get('assets/a.js'))).toBe('a');
    }
  });

  test('refuses what is not a CRX3', () => {
    expect(() => crxZip(zip)).toThrow('not a .crx (no Cr24 magic)');
    const v2 = crx(zip);
    new DataView(v2.buffer).setUint32(4, 2, true);
    expect(() => crxZip(v2)).toThrow('CRX version 2: only CRX3 is read');
  });

  test('only the stores’ additions are left out, and each is named', () => {
    const files = new Map([
      ['_metadata/verified_contents.json', enc('')],
      ['META-INF/mozilla.rsa', enc('')],
      ['manifest.json', enc('{}')],
      ['src/META-INF/x', enc('')],
    ]);
    const { files: kept, ignored } = withoutStoreFiles(files);
    expect([...kept.keys()]).toEqual(['manifest.json', 'src/META-INF/x']);
    expect(ignored).toEqual([
      "META-INF/mozilla.rsa (addons.mozilla.org's signature)",
      "_metadata/verified_contents.json (Chrome Web Store's verified contents)",
    ]);
  });
});

describe('comparing with the build', () => {
  const built = new Map([
    ['manifest.json', enc('{"name":"x","version":"1"}')],
    ['a.js', enc('a')],
    ['b.js', enc('b')],
  ]);

  test('names every file that differs, is missing or is extra', () => {
    const copy = new Map([
      ['manifest.json', enc('{"name":"x","version":"1"}')],
      ['a.js', enc('A')],
      ['c.js', enc('c')],
    ]);
    expect(compareFiles(copy, built)).toEqual({
      differences: ['differs: a.js', 'missing from the copy: b.js', 'only in the copy: c.js'],
      storeFields: [],
    });
  });

  test('a store’s update_url and key in manifest.json are named, not counted; any other change is', () => {
    const store = '{"name":"x","version":"1","key":"MIIB","update_url":"https://clients2.google.com/service/update2/crx"}';
    const copy = new Map([...built, ['manifest.json', enc(store)]]);
    expect(compareFiles(copy, built)).toEqual({
      differences: [],
      storeFields: [
        'manifest.json: update_url "https://clients2.google.com/service/update2/crx" (added by the store)',
        'manifest.json: key "MIIB" (added by the store)',
      ],
    });
    const elsewhere = new Map([...built, ['manifest.json', enc(store.replace('clients2.google.com', 'evil.example'))]]);
    expect(compareFiles(elsewhere, built).differences).toEqual(['differs: manifest.json']);
  });
});
