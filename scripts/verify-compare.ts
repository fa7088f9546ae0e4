// Compares a copy of the extension with a fresh build of the same version, file by file (sha256).
import { createHash } from 'node:crypto';

/** Update URLs the stores write into manifest.json of the copies they serve (with a `key` for the id). */
export const STORE_UPDATE_URLS: readonly string[] = [
  'https://clients2.google.com/service/update2/crx',
  'https://edge.microsoft.com/extensionwebstorebase/v1/crx',
];

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface Comparison {
  readonly differences: readonly string[];
  /** Store additions inside manifest.json, named with their value. */
  readonly storeFields: readonly string[];
}

/** manifest.json as built, if the copy's differs only by a store's `update_url` (and `key`); else null. */
function storeManifest(copy: Uint8Array, built: Uint8Array): string[] | null {
  try {
    const c = JSON.parse(new TextDecoder().decode(copy)) as Record<string, unknown>;
    const b = JSON.parse(new TextDecoder().decode(built)) as Record<string, unknown>;
    if (!STORE_UPDATE_URLS.includes(c.update_url as string) || 'update_url' in b) return null;
    const added = ['update_url', ...('key' in b ? [] : ['key'])].filter((k) => k in c);
    const { update_url: _u, ...rest } = c;
    const stripped = 'key' in b ? rest : Object.fromEntries(Object.entries(rest).filter(([k]) => k !== 'key'));
    if (JSON.stringify(stripped) !== JSON.stringify(b)) return null;
    return added.map((k) => `manifest.json: ${k} ${JSON.stringify(c[k]).slice(0, 60)} (added by the store)`);
  } catch {
    return null;
  }
}

export function compareFiles(copy: ReadonlyMap<string, Uint8Array>, built: ReadonlyMap<string, Uint8Array>): Comparison {
  const differences: string[] = [];
  const storeFields: string[] = [];
  const names = [...new Set([...copy.keys(), ...built.keys()])].sort();
  for (const name of names) {
    const c = copy.get(name);
    const b = built.get(name);
    if (!c) differences.push(`missing from the copy: ${name}`);
    else if (!b) differences.push(`only in the copy: ${name}`);
    else if (sha(c) !== sha(b)) {
      const fields = name === 'manifest.json' ? storeManifest(c, b) : null;
      if (fields) storeFields.push(...fields);
      else differences.push(`differs: ${name}`);
    }
  }
  return { differences, storeFields };
}
