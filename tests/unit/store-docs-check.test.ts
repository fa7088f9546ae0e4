import { describe, expect, test } from 'vitest';
import { defaultDocsInput } from '../../scripts/docs-check';
import { checkStoreDocs, readStoreDocs } from '../../scripts/store-docs-check';

const root = new URL('../..', import.meta.url).pathname;
const input = defaultDocsInput(root);
const docs = readStoreDocs(root);
const check = (changed: Partial<typeof docs>) => checkStoreDocs({ ...docs, ...changed }, input.registry, input.manifests, '>=20.19');

describe('docs/store check', () => {
  test('the pages as they are match the registry and both manifests', () => {
    expect(check({})).toEqual([]);
  });

  test('a permission or host without a justification, or one the manifests do not ask for, fails', () => {
    const permissions = docs.permissions
      .replace('### `https://api4.ipify.org/*`', '### `https://api4.example.org/*`')
      .replace('### `dns`', '### dns');
    expect(check({ permissions })).toEqual([
      'docs/store/permissions.md: no justification for dns',
      'docs/store/permissions.md: no justification for https://api4.ipify.org/*',
      'docs/store/permissions.md: https://api4.example.org/* is asked for by neither manifest',
    ]);
  });

  test('an endpoint missing from the data-use table, or with the wrong host, fails', () => {
    const dataUse = docs.dataUse
      .replace('| google-stun | stun.l.google.com |', '| google-stun | stun.example.org |')
      .replace(/^\| akamai-whoami .*$/m, '| rogue | rogue.example | nothing |');
    expect(check({ dataUse })).toEqual([
      'docs/store/data-use.md: google-stun goes to stun.l.google.com, the table says stun.example.org',
      'docs/store/data-use.md: endpoint akamai-whoami is not in the table',
      'docs/store/data-use.md: rogue is not in the registry',
    ]);
  });

  test('the Firefox notes must give the declaration, the id and the build steps', () => {
    const firefoxNotes = docs.firefoxNotes.replaceAll('["none"]', '["technicalAndInteraction"]').replaceAll('npm ci', 'npm install');
    expect(check({ firefoxNotes })).toEqual([
      'docs/store/firefox-reviewer-notes.md: does not give the manifest\'s data_collection_permissions (required: ["none"])',
      'docs/store/firefox-reviewer-notes.md: the build steps do not mention npm ci',
    ]);
    expect(check({ singlePurpose: '# Purpose' })).toEqual(['docs/store/single-purpose.md: no "# Single purpose" heading']);
  });
});
