import { describe, expect, it } from 'vitest';
import { checkDocs, defaultDocsInput, parseRequestTable, permissionHeadings } from '../../scripts/docs-check';

const root = new URL('../..', import.meta.url).pathname;
const real = defaultDocsInput(root);

describe('docs check', () => {
  it('passes the docs as they are', () => {
    expect(checkDocs(real)).toEqual([]);
    expect(parseRequestTable(real.privacy)).toHaveLength(real.registry.endpoints.length);
  });

  it('fails when a row is removed', () => {
    const privacy = real.privacy
      .split('\n')
      .filter((l) => !l.startsWith('| ipify-ipv6 |'))
      .join('\n');
    expect(checkDocs({ ...real, privacy })).toEqual(['PRIVACY.md: no row for endpoint ipify-ipv6']);
  });

  it('fails on an extra row, a changed URL pattern, or changed carries text', () => {
    const extra = real.privacy.replace('| mullvad-ipv4 |', '| tracker | X | `https://t.example/` | ipv4 | a | b |\n| mullvad-ipv4 |');
    expect(checkDocs({ ...real, privacy: extra })).toEqual(['PRIVACY.md: row tracker is not in the registry']);
    const url = real.privacy.replace('`https://bash.ws/id`', '`https://bash.ws/anything`');
    expect(checkDocs({ ...real, privacy: url })).toEqual([
      'PRIVACY.md: bashws-id, column "URL pattern" is "`https://bash.ws/anything`", the registry says "`https://bash.ws/id`"',
    ]);
    const carries = real.privacy.replace('| The session id bash.ws issued. |', '| Nothing. |');
    expect(checkDocs({ ...real, privacy: carries })).toHaveLength(1);
  });

  it('fails when the self-hosted endpoints are not mentioned', () => {
    const privacy = real.privacy.replaceAll('leakless-whoami', 'leakless-other');
    expect(checkDocs({ ...real, privacy })).toEqual(['PRIVACY.md: the self-hosted endpoint leakless-whoami is not mentioned']);
  });

  it('fails when a storage key is not mentioned', () => {
    const privacy = real.privacy.replaceAll('`monitorHistory`', 'the history');
    expect(checkDocs({ ...real, privacy })).toEqual(['PRIVACY.md: storage key monitorHistory is not mentioned']);
  });

  it('fails on an extra or a missing permission heading', () => {
    const extra = `${real.permissions}\n### \`tabs\`\n\nNot really.\n`;
    expect(checkDocs({ ...real, permissions: extra })).toEqual(['docs/permissions.md: heading tabs is asked for by neither manifest']);
    const missing = real.permissions.replace('### `dns`', '### DNS');
    expect(checkDocs({ ...real, permissions: missing })).toEqual(['docs/permissions.md: no heading for dns']);
  });

  it('fails when a manifest asks for a permission the page does not explain', () => {
    const manifests = [...real.manifests, { permissions: ['cookies'], host_permissions: ['<all_urls>'] }];
    expect(checkDocs({ ...real, manifests })).toEqual([
      'docs/permissions.md: no heading for <all_urls>',
      'docs/permissions.md: no heading for cookies',
    ]);
  });

  it('reads permission headings only from headings that start with a code span', () => {
    expect(permissionHeadings('# `a`\n## b `c`\n- `d`\n### `https://x/*` (why)')).toEqual(['a', 'https://x/*']);
  });
});
