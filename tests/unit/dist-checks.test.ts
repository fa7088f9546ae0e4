import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import base from '../../manifest.json' with { type: 'json' };
import { pageAssets } from '../../scripts/check-budget';
import { manifestProblems } from '../../scripts/check-manifest';
import { buildRegistry } from '../../src/endpoints/registry';
import { makeManifest, type Target } from '../../src/manifest/derive';

const pkg = { displayName: 'Leakless', version: '1.0.0', description: 'd' };
const built = (target: Target) => makeManifest({ base, pkg, registry: buildRegistry(null), target }) as Record<string, unknown>;

describe('manifest checks', () => {
  test('the derived manifests pass, for both targets', () => {
    expect(manifestProblems(built('chrome'), 'chrome', null)).toEqual([]);
    expect(manifestProblems(built('firefox'), 'firefox', null)).toEqual([]);
  });

  test.each([
    ['an extra permission', (m: Record<string, unknown>) => ({ ...m, permissions: ['storage', 'tabs'] }), /permissions/],
    [
      'all sites',
      (m: Record<string, unknown>) => ({ ...m, host_permissions: [...(m.host_permissions as string[]), '<all_urls>'] }),
      /host_permissions/,
    ],
    ['a content script', (m: Record<string, unknown>) => ({ ...m, content_scripts: [] }), /content_scripts/],
    [
      'unsafe-eval',
      (m: Record<string, unknown>) => ({ ...m, content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval'" } }),
      /CSP/,
    ],
    ['no CSP', (m: Record<string, unknown>) => ({ ...m, content_security_policy: {} }), /no extension_pages CSP/],
    ['a test key', (m: Record<string, unknown>) => ({ ...m, key: 'abc' }), /key/],
  ])('fails on %s', (_, mutate, message) => {
    expect(manifestProblems(mutate(built('chrome')), 'chrome', null).join('\n')).toMatch(message);
  });

  test('a host the registry does not have fails, and so does Firefox without its data-collection declaration', () => {
    const chrome = built('chrome');
    expect(manifestProblems({ ...chrome, host_permissions: ['https://evil.example/*'] }, 'chrome', null).join()).toMatch(
      /host_permissions/,
    );
    const firefox = built('firefox') as { browser_specific_settings: { gecko: Record<string, unknown> } };
    const noDecl = {
      ...firefox,
      browser_specific_settings: { gecko: { ...firefox.browser_specific_settings.gecko, data_collection_permissions: undefined } },
    };
    expect(manifestProblems(noDecl, 'firefox', null).join()).toMatch(/data_collection/);
  });
});

describe('popup budget', () => {
  test('counts everything the page loads, following imports once each', () => {
    const dist = mkdtempSync(join(tmpdir(), 'budget-'));
    mkdirSync(join(dist, 'src/popup'), { recursive: true });
    mkdirSync(join(dist, 'assets'));
    writeFileSync(
      join(dist, 'src/popup/index.html'),
      '<script type="module" src="/assets/a.js"></script><link rel="stylesheet" href="/assets/s.css">',
    );
    writeFileSync(join(dist, 'assets/a.js'), 'import{x}from"./b.js";import("./c.js");');
    writeFileSync(join(dist, 'assets/b.js'), 'import"./a.js";export const x=1;');
    writeFileSync(join(dist, 'assets/c.js'), 'export{}');
    writeFileSync(join(dist, 'assets/s.css'), 'body{}');
    writeFileSync(join(dist, 'assets/unrelated.js'), 'x');
    expect(pageAssets(dist, 'src/popup/index.html').map((f) => f.slice(dist.length + 1))).toEqual([
      'assets/a.js',
      'assets/b.js',
      'assets/c.js',
      'assets/s.css',
    ]);
  });
});
