// Reads an installed or downloaded copy of the extension: an unpacked folder, a .zip, an .xpi, or a .crx
// (Chrome's and Edge's store format: a CRX3 header in front of a zip). Returns path → bytes.
import { readFileSync, statSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { readTree } from './checksums';

/** What the stores add to a copy, never part of the build: ignored, but named. */
export const STORE_ADDED: readonly { readonly prefix: string; readonly why: string }[] = [
  { prefix: '_metadata/', why: "Chrome Web Store's verified contents" },
  { prefix: 'META-INF/', why: "addons.mozilla.org's signature" },
];

/** The zip inside a CRX3 file: "Cr24", version 3 (uint32 LE), header length (uint32 LE), header, zip. */
export function crxZip(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 4)) !== 'Cr24') throw new Error('not a .crx (no Cr24 magic)');
  const version = view.getUint32(4, true);
  if (version !== 3) throw new Error(`CRX version ${version}: only CRX3 is read`);
  const start = 12 + view.getUint32(8, true);
  if (start > bytes.length) throw new Error('CRX header longer than the file');
  return bytes.subarray(start);
}

function unzip(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  // Directory entries have a trailing slash and no content.
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}

export function readCopy(path: string): Map<string, Uint8Array> {
  if (statSync(path).isDirectory()) return readTree(path);
  const bytes = new Uint8Array(readFileSync(path));
  if (/\.crx$/i.test(path)) return unzip(crxZip(bytes));
  if (/\.(zip|xpi)$/i.test(path)) return unzip(bytes);
  throw new Error(`${path}: expected a folder, .zip, .xpi or .crx`);
}

export interface Split {
  readonly files: Map<string, Uint8Array>;
  readonly ignored: readonly string[];
}

/** The copy without what a store added; `ignored` names every file left out, with the reason. */
export function withoutStoreFiles(files: ReadonlyMap<string, Uint8Array>): Split {
  const kept = new Map<string, Uint8Array>();
  const ignored: string[] = [];
  for (const [name, bytes] of files) {
    const added = STORE_ADDED.find((s) => name.startsWith(s.prefix));
    if (added) ignored.push(`${name} (${added.why})`);
    else kept.set(name, bytes);
  }
  return { files: kept, ignored: ignored.sort() };
}
