import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzip: number;
}

/** Every JS and CSS file of a built extension, raw and gzipped (level 9, as a store or CDN would serve it). */
export function bundleSizes(dist: string): BundleSize[] {
  const out: BundleSize[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|css)$/.test(name)) {
        const data = readFileSync(path);
        out.push({ file: relative(dist, path), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length });
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => b.gzip - a.gzip);
}
