// The self-audit page reads the extension's own packaged files to digest them. This is the one fetch
// outside the gate (scripts/audit/* allow it here and nowhere else): same origin only, nothing sent.

/** The refusal's text doubles as the static audit's marker for this chunk (OWN_FILES_MARKER). */
const REFUSAL = 'not one of the packaged files';

/** One packaged file's bytes, from `origin` (the extension's own); any path that would leave it is refused. */
export async function readOwnFile(path: string, origin: string = location.origin): Promise<Uint8Array> {
  const url = new URL(path, `${origin}/`);
  if (!/^[\w@-][\w@./-]*$/.test(path) || path.includes('..') || !url.href.startsWith(`${origin}/`)) throw new Error(`${REFUSAL}: ${path}`);
  const res = await fetch(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
