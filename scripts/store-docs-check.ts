// docs/store/ must say what the build does: the permission justifications name exactly the manifests'
// permissions and hosts, the data-use page every endpoint (id and host), the Firefox notes the manifest's
// data-collection declaration, add-on id and the Node version the build asks for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endpointHost, type Registry } from '../src/endpoints';
import { GECKO_ID } from '../src/manifest/derive';
import { manifestPermissions, permissionHeadings } from './docs-check';

export interface StoreDocs {
  readonly singlePurpose: string;
  readonly permissions: string;
  readonly dataUse: string;
  readonly firefoxNotes: string;
}

export const STORE_DOCS: Record<keyof StoreDocs, string> = {
  singlePurpose: 'docs/store/single-purpose.md',
  permissions: 'docs/store/permissions.md',
  dataUse: 'docs/store/data-use.md',
  firefoxNotes: 'docs/store/firefox-reviewer-notes.md',
};

export const readStoreDocs = (root: string): StoreDocs =>
  Object.fromEntries(Object.entries(STORE_DOCS).map(([k, path]) => [k, readFileSync(join(root, path), 'utf8')])) as unknown as StoreDocs;

export function checkStoreDocs(docs: StoreDocs, registry: Registry, manifests: readonly Record<string, unknown>[], node: string): string[] {
  const errors: string[] = [];
  if (!/^# Single purpose/m.test(docs.singlePurpose)) errors.push(`${STORE_DOCS.singlePurpose}: no "# Single purpose" heading`);

  const headings = permissionHeadings(docs.permissions);
  const wanted = manifestPermissions(manifests);
  for (const p of wanted) if (!headings.includes(p)) errors.push(`${STORE_DOCS.permissions}: no justification for ${p}`);
  for (const h of headings) if (!wanted.includes(h)) errors.push(`${STORE_DOCS.permissions}: ${h} is asked for by neither manifest`);

  const rows = new Map(
    docs.dataUse
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => cells.length > 3)
      .map((cells) => [cells[1] ?? '', cells[2] ?? ''] as const),
  );
  for (const e of registry.endpoints) {
    const host = rows.get(e.id);
    if (host === undefined) errors.push(`${STORE_DOCS.dataUse}: endpoint ${e.id} is not in the table`);
    else if (host !== endpointHost(e)) errors.push(`${STORE_DOCS.dataUse}: ${e.id} goes to ${endpointHost(e)}, the table says ${host}`);
  }
  const ids = new Set(registry.endpoints.map((e) => e.id));
  for (const id of rows.keys())
    if (id !== 'Endpoint' && !/^-+$/.test(id) && !ids.has(id)) errors.push(`${STORE_DOCS.dataUse}: ${id} is not in the registry`);

  const firefox = manifests.find((m) => m.browser_specific_settings) as
    | { browser_specific_settings: { gecko: { data_collection_permissions: { required: string[] } } } }
    | undefined;
  const required = JSON.stringify(firefox?.browser_specific_settings.gecko.data_collection_permissions.required ?? []);
  if (!docs.firefoxNotes.includes(`data_collection_permissions: { required: ${required} }`))
    errors.push(`${STORE_DOCS.firefoxNotes}: does not give the manifest's data_collection_permissions (required: ${required})`);
  if (!docs.firefoxNotes.includes(`\`${GECKO_ID}\``)) errors.push(`${STORE_DOCS.firefoxNotes}: does not name the add-on id ${GECKO_ID}`);
  for (const step of ['npm ci', 'npm run build', node])
    if (!docs.firefoxNotes.includes(step)) errors.push(`${STORE_DOCS.firefoxNotes}: the build steps do not mention ${step}`);
  return errors;
}
