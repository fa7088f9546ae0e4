import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { installedDigest, packageDigest } from './digest';

const enc = (s: string) => new TextEncoder().encode(s);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('package digest', () => {
  it('is sha256 over the sha256sum lines, sorted by path', async () => {
    const files = new Map([
      ['manifest.json', enc('{}')],
      ['assets/a.js', enc('a')],
    ]);
    const lines = `${sha('a')}  assets/a.js\n${sha('{}')}  manifest.json\n`;
    expect(await packageDigest(files)).toBe(sha(lines));
  });

  it('reads the installed copy through files.json, and changes with one byte', async () => {
    const copy: Record<string, string> = { 'files.json': '["a.js","manifest.json"]', 'a.js': 'a', 'manifest.json': '{}' };
    const read = async (path: string) => enc(copy[path] ?? '');
    const first = await installedDigest(read);
    expect(first).toEqual({ digest: sha(`${sha('a')}  a.js\n${sha('{}')}  manifest.json\n`), files: 2 });
    copy['a.js'] = 'b';
    expect((await installedDigest(read)).digest).not.toBe(first.digest);
  });

  it('refuses a file list that is not one', async () => {
    await expect(installedDigest(async () => enc('{"a":1}'))).rejects.toThrow('files.json is not a list of paths');
  });
});
