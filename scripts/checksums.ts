// What the build writes so that anyone can check a copy: files.json inside each extension (the list the
// self-audit page digests), and next to the archives SHA256SUMS (`sha256sum -c SHA256SUMS`) and
// FILE-DIGESTS (each extension's digest, as its self-audit page shows it).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { FILE_LIST, packageDigest } from '../src/audit/digest';
import { listFiles } from './archive';

/** Every file of an unpacked extension, path → bytes, with '/' separators (files.json included if present). */
export function readTree(dir: string): Map<string, Uint8Array> {
  return new Map(listFiles(dir).map((file) => [relative(dir, file).split(sep).join('/'), new Uint8Array(readFileSync(file))]));
}

/** Writes files.json, the sorted list of every other file; returns the extension's digest. */
export async function writeFileList(dir: string): Promise<string> {
  const files = readTree(dir);
  files.delete(FILE_LIST);
  writeFileSync(join(dir, FILE_LIST), `${JSON.stringify([...files.keys()].sort(), null, 1)}\n`);
  return packageDigest(files);
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

export function writeChecksums(out: string, archives: readonly string[], digests: Readonly<Record<string, string>>): void {
  writeFileSync(join(out, 'SHA256SUMS'), archives.map((a) => `${sha256File(a)}  ${basename(a)}\n`).join(''));
  const lines = Object.entries(digests).map(([name, digest]) => `${digest}  ${name}\n`);
  writeFileSync(
    join(out, 'FILE-DIGESTS'),
    `# sha256 over "<sha256>  <path>\\n" for every file listed in files.json, sorted; the self-audit page shows it\n${lines.join('')}`,
  );
}
