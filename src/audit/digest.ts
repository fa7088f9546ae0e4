// One digest for a whole extension: sha256 over the lines "<sha256 of the file>  <path>\n", one per
// packaged file, sorted by path (the lines `sha256sum` prints). The build writes it next to the archives
// and packs the file list as files.json; this page recomputes it from the installed files themselves.

/** The packaged list of every other packaged file, sorted: what the digest covers. */
export const FILE_LIST = 'files.json';

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

export const sha256Hex = async (bytes: Uint8Array): Promise<string> => hex(await crypto.subtle.digest('SHA-256', bytes as BufferSource));

/** The digest of `files` (path → bytes); the order given does not matter. */
export async function packageDigest(files: ReadonlyMap<string, Uint8Array>): Promise<string> {
  const paths = [...files.keys()].sort();
  const lines = await Promise.all(paths.map(async (path) => `${await sha256Hex(files.get(path) as Uint8Array)}  ${path}\n`));
  return sha256Hex(new TextEncoder().encode(lines.join('')));
}

export interface InstalledDigest {
  readonly digest: string;
  readonly files: number;
}

/** The running copy's digest: files.json names the files, `read` fetches each from the extension itself. */
export async function installedDigest(read: (path: string) => Promise<Uint8Array>): Promise<InstalledDigest> {
  const list: unknown = JSON.parse(new TextDecoder().decode(await read(FILE_LIST)));
  if (!Array.isArray(list) || !list.every((p) => typeof p === 'string')) throw new Error(`${FILE_LIST} is not a list of paths`);
  const files = new Map(await Promise.all(list.map(async (path: string) => [path, await read(path)] as const)));
  return { digest: await packageDigest(files), files: files.size };
}
