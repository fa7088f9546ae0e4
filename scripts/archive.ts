import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type Zippable, zipSync } from 'fflate';

/** A fixed timestamp, so that the same files always give the same bytes (no build time, no file mtimes). */
const EPOCH = new Date('2000-01-01T00:00:00Z');

export function listFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path) : [path];
    });
}

/** A deterministic zip of `files` (paths relative to `root`), sorted, with fixed times and attributes. */
export function zipFiles(root: string, files: readonly string[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of [...files].sort()) {
    const name = relative(root, file).split(sep).join('/');
    entries[name] = [readFileSync(file), { mtime: EPOCH, level: 9, os: 3, attrs: 0o644 << 16 }];
  }
  return zipSync(entries, { mtime: EPOCH });
}
