// manifestFindings' details: what each drift reports, with literal expectations.
import { describe, expect, it } from 'vitest';
import type { Registry } from '../endpoints';
import { EXPECTED_OPTIONAL_PERMISSIONS, EXPECTED_PERMISSIONS, manifestFindings } from './manifest-check';
import type { RunningManifest } from './types';

const registry: Registry = {
  server: null,
  endpoints: [{ id: 'a', provider: 'ipify', probe: 'ipv4', transport: 'https', url: 'https://a.example.org/ip', carries: '' }],
};
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; " +
  "form-action 'none'; frame-ancestors 'none'; connect-src 'self' https://a.example.org";
const good: RunningManifest = {
  permissions: ['storage'],
  optional_permissions: ['privacy'],
  host_permissions: ['https://a.example.org/*'],
  content_security_policy: { extension_pages: CSP },
};

describe('manifestFindings', () => {
  it('the expected permissions, literally', () => {
    expect(EXPECTED_PERMISSIONS).toEqual({ chrome: ['storage'], firefox: ['storage', 'dns', 'alarms'] });
    expect(EXPECTED_OPTIONAL_PERMISSIONS).toEqual({
      chrome: ['privacy', 'alarms', 'idle', 'notifications'],
      firefox: ['privacy', 'idle', 'notifications'],
    });
    expect(manifestFindings(good, registry, 'chrome')).toEqual([]);
  });

  it('host drift names what is extra and what is missing', () => {
    expect(manifestFindings({ ...good, host_permissions: ['https://b.example.org/*'] }, registry, 'chrome')).toEqual([
      { code: 'host-permissions-drift', params: { extra: 'https://b.example.org/*', missing: 'https://a.example.org/*' } },
    ]);
    expect(manifestFindings({ ...good, host_permissions: undefined }, registry, 'chrome')).toEqual([
      { code: 'host-permissions-drift', params: { extra: '', missing: 'https://a.example.org/*' } },
    ]);
  });

  it('a duplicated host is drift, though nothing is extra or missing', () => {
    const twice = { ...good, host_permissions: ['https://a.example.org/*', 'https://a.example.org/*'] };
    expect(manifestFindings(twice, registry, 'chrome')).toEqual([{ code: 'host-permissions-drift', params: { extra: '', missing: '' } }]);
  });

  it('CSP drift shows both policies; an MV2 string or an odd shape is drift too', () => {
    const wide = CSP.replace("default-src 'none'", 'default-src *');
    expect(manifestFindings({ ...good, content_security_policy: { extension_pages: wide } }, registry, 'chrome')).toEqual([
      { code: 'csp-drift', params: { running: wide, expected: CSP } },
    ]);
    // An MV2-style string is read as the policy itself.
    expect(manifestFindings({ ...good, content_security_policy: wide }, registry, 'chrome')).toEqual([
      { code: 'csp-drift', params: { running: wide, expected: CSP } },
    ]);
    expect(manifestFindings({ ...good, content_security_policy: CSP }, registry, 'chrome')).toEqual([]);
    for (const csp of [undefined, null, 42, { extension_pages: 7 }, {}]) {
      expect(manifestFindings({ ...good, content_security_policy: csp }, registry, 'chrome')).toEqual([
        { code: 'csp-drift', params: { running: '', expected: CSP } },
      ]);
    }
    const spaced = { extension_pages: `\n${CSP.replace(/; /g, ';\t ')}  ` };
    expect(manifestFindings({ ...good, content_security_policy: spaced }, registry, 'chrome')).toEqual([]);
  });

  it('names each extra or missing permission and its kind', () => {
    const odd: RunningManifest = {
      ...good,
      permissions: ['tabs', 'dns'],
      optional_permissions: ['privacy', 'history'],
      optional_host_permissions: ['<all_urls>'],
      content_scripts: [{}, {}],
    };
    expect(manifestFindings(odd, registry, 'chrome')).toEqual([
      { code: 'extra-permission', params: { permission: 'tabs', kind: 'required' } },
      { code: 'extra-permission', params: { permission: 'dns', kind: 'required' } },
      { code: 'missing-permission', params: { permission: 'storage' } },
      { code: 'extra-permission', params: { permission: 'history', kind: 'optional' } },
      { code: 'extra-permission', params: { permission: '<all_urls>', kind: 'optional host' } },
      { code: 'content-scripts', params: { count: '2' } },
    ]);
    expect(manifestFindings({ ...good, permissions: ['storage', 'dns', 'alarms'] }, registry, 'firefox')).toEqual([]);
    expect(manifestFindings({ ...good, content_scripts: [] }, registry, 'chrome')).toEqual([]);
    expect(manifestFindings({ ...good, optional_permissions: undefined }, registry, 'chrome')).toEqual([]);
  });

  it('a permission list that is not an array counts as empty', () => {
    const notArray = { ...good, permissions: 'storage' as unknown as string[] };
    expect(manifestFindings(notArray, registry, 'chrome')).toEqual([{ code: 'missing-permission', params: { permission: 'storage' } }]);
  });
});
