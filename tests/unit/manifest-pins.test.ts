// Independent oracle for what the extension ships: the CSP, permissions and host permissions of every
// target and build kind, written out literally. Changing what is shipped means changing this file.
// The values are those of `npm run build` (dist/) and `npm run build:test` (dist-test/), as scripts/build.ts
// and vite.config.ts derive them: the release registry has no check server, the test build's has
// LEAKLESS_SERVER=https://check.leakless.test and a key fixing the Chromium id.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import base from '../../manifest.json' with { type: 'json' };
import { buildRegistry } from '../../src/endpoints/registry';
import { makeManifest, type Target } from '../../src/manifest/derive';

const pkg = { displayName: 'Leakless', version: '0.1.0', description: 'Leak check.' };
const testKey = readFileSync(new URL('../fixtures/chrome-test-key.txt', import.meta.url), 'utf8').trim();

const RELEASE_HOSTS = [
  'https://*.bash.ws/*',
  'https://*.dnsleak.am.i.mullvad.net/*',
  'https://1.0.0.1/*',
  'https://api4.ipify.org/*',
  'https://api6.ipify.org/*',
  'https://bash.ws/*',
  'https://ipv4.am.i.mullvad.net/*',
  'https://ipv6.am.i.mullvad.net/*',
];
const TEST_HOSTS = [
  'https://*.bash.ws/*',
  'https://*.check.leakless.test/*',
  'https://*.dnsleak.am.i.mullvad.net/*',
  'https://1.0.0.1/*',
  'https://api4.ipify.org/*',
  'https://api6.ipify.org/*',
  'https://bash.ws/*',
  'https://ipv4.am.i.mullvad.net/*',
  'https://ipv4.check.leakless.test/*',
  'https://ipv6.am.i.mullvad.net/*',
  'https://ipv6.check.leakless.test/*',
];
const RELEASE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'; connect-src 'self' https://*.bash.ws https://*.dnsleak.am.i.mullvad.net " +
  'https://1.0.0.1 https://api4.ipify.org https://api6.ipify.org https://bash.ws https://ipv4.am.i.mullvad.net ' +
  'https://ipv6.am.i.mullvad.net';
const TEST_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'; connect-src 'self' https://*.bash.ws https://*.check.leakless.test " +
  'https://*.dnsleak.am.i.mullvad.net https://1.0.0.1 https://api4.ipify.org https://api6.ipify.org https://bash.ws ' +
  'https://ipv4.am.i.mullvad.net https://ipv4.check.leakless.test https://ipv6.am.i.mullvad.net https://ipv6.check.leakless.test';

type Kind = 'release' | 'test';
const build = (kind: Kind, target: Target) =>
  makeManifest({
    base,
    pkg,
    registry: buildRegistry(kind === 'test' ? 'https://check.leakless.test' : null),
    target,
    testKey: kind === 'test' ? testKey : undefined,
    // As vite.config.ts builds them: test builds hold monitoring's permissions granted at install.
    testGrants: kind === 'test' ? ['alarms', 'idle', 'notifications'] : undefined,
  });

const cases: { kind: Kind; target: Target; csp: string; hosts: string[]; permissions: string[]; optional: string[] }[] = [
  // Monitoring's permissions are optional, asked for at opt-in; Firefox cannot make `alarms` optional.
  {
    kind: 'release',
    target: 'chrome',
    csp: RELEASE_CSP,
    hosts: RELEASE_HOSTS,
    permissions: ['storage'],
    optional: ['privacy', 'alarms', 'idle', 'notifications'],
  },
  {
    kind: 'release',
    target: 'firefox',
    csp: RELEASE_CSP,
    hosts: RELEASE_HOSTS,
    permissions: ['storage', 'dns', 'alarms'],
    optional: ['privacy', 'idle', 'notifications'],
  },
  {
    kind: 'test',
    target: 'chrome',
    csp: TEST_CSP,
    hosts: TEST_HOSTS,
    permissions: ['storage', 'alarms', 'idle', 'notifications'],
    optional: ['privacy'],
  },
  {
    kind: 'test',
    target: 'firefox',
    csp: TEST_CSP,
    hosts: TEST_HOSTS,
    permissions: ['storage', 'dns', 'alarms', 'idle', 'notifications'],
    optional: ['privacy'],
  },
];

describe('shipped manifest, pinned', () => {
  test.each(cases)('$kind build, $target: CSP, permissions and hosts', ({ kind, target, csp, hosts, permissions, optional }) => {
    const m = build(kind, target);
    expect(m.content_security_policy).toEqual({ extension_pages: csp });
    expect(m.permissions).toEqual(permissions);
    expect(m.optional_permissions).toEqual(optional);
    expect(m.host_permissions).toEqual(hosts);
    expect(m).not.toHaveProperty('optional_host_permissions');
    expect(m).not.toHaveProperty('content_scripts');
    expect(m).not.toHaveProperty('web_accessible_resources');
  });

  test.each(cases)('$kind build, $target: localised identity, version from package.json', ({ kind, target }) => {
    const m = build(kind, target);
    // The stores show the name and description in the user's language: both come from _locales.
    expect([m.name, m.version, m.description, m.manifest_version, m.default_locale]).toEqual([
      '__MSG_extName__',
      '0.1.0',
      '__MSG_extDescription__',
      3,
      'en',
    ]);
  });

  test('Chrome: a service worker, a minimum version, and a key only in the test build', () => {
    for (const kind of ['release', 'test'] as const) {
      const m = build(kind, 'chrome');
      expect(m.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
      expect(m.minimum_chrome_version).toBe('121');
      expect(m).not.toHaveProperty('browser_specific_settings');
    }
    expect(build('release', 'chrome')).not.toHaveProperty('key');
    expect(build('test', 'chrome').key).toBe(testKey);
    expect(testKey).toMatch(/^MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA/);
  });

  test('Firefox: background scripts, the gecko id and no data collection, no Chrome-only keys, never a key', () => {
    for (const kind of ['release', 'test'] as const) {
      const m = build(kind, 'firefox');
      expect(m.background).toEqual({ scripts: ['src/background/index.ts'], type: 'module' });
      expect(m.browser_specific_settings).toEqual({
        gecko: { id: 'leakless@leakless.invalid', strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
      });
      expect(m).not.toHaveProperty('minimum_chrome_version');
      expect(m).not.toHaveProperty('key');
    }
  });

  test('the base manifest is not changed by deriving from it', () => {
    build('test', 'firefox');
    build('test', 'chrome');
    expect(base.permissions).toEqual(['storage']);
    expect(base.background).toEqual({ service_worker: 'src/background/index.ts', type: 'module' });
  });
});
