// Checks the built manifests against what the registry allows: exact permissions, hosts and CSP, per target.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildRegistry } from '../src/endpoints/registry';
import { extensionPagesCsp, GECKO_ID, hostPermissions, type Target } from '../src/manifest/derive';
import { MONITOR_PERMISSIONS } from '../src/model/monitor';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  content_security_policy?: { extension_pages?: string };
  background?: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
  };
};

const EXPECTED_PERMISSIONS: Record<Target, string[]> = { chrome: ['storage'], firefox: ['storage', 'dns', 'alarms'] };
// Monitoring's permissions (issue 11) are optional: requested when the user turns monitoring on. Firefox refuses
// `alarms` as optional, so there it is required (no prompt; no alarm exists while monitoring is off).
const EXPECTED_OPTIONAL: Record<Target, string[]> = {
  chrome: ['privacy', ...MONITOR_PERMISSIONS],
  firefox: ['privacy', ...MONITOR_PERMISSIONS.filter((p) => p !== 'alarms')],
};
const FORBIDDEN_KEYS = [
  'content_scripts',
  'externally_connectable',
  'web_accessible_resources',
  'update_url',
  'sandbox',
  'declarative_net_request',
];

const same = (a: readonly string[] = [], b: readonly string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/** locale → message name → { message }: a build's _locales folder. */
export type Locales = Record<string, Record<string, { message?: string } | undefined>>;

export function readLocales(dir: string): Locales {
  return Object.fromEntries(
    readdirSync(dir).map((locale) => [locale, JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Locales[string]]),
  );
}

// Chrome's limits; the stores take name and description from the manifest in every language.
const LIMITS = { extName: 75, extDescription: 132 } as const;

/** Name and description come from _locales, in every language the extension speaks, within the store limits. */
export function localeProblems(manifest: Manifest, locales: Locales): string[] {
  const problems: string[] = [];
  if (manifest.name !== '__MSG_extName__') problems.push('name is not __MSG_extName__');
  if (manifest.description !== '__MSG_extDescription__') problems.push('description is not __MSG_extDescription__');
  const names = Object.keys(locales);
  if (typeof manifest.default_locale !== 'string' || !names.includes(manifest.default_locale)) problems.push('default_locale missing');
  if (names.length < 13) problems.push(`only ${names.length} locales`);
  for (const locale of names)
    for (const [key, max] of Object.entries(LIMITS)) {
      const text = locales[locale]?.[key]?.message ?? '';
      if (!text.trim() || [...text].length > max) problems.push(`${locale}: ${key} missing or over ${max} characters`);
    }
  return problems;
}

export function manifestProblems(
  manifest: Manifest,
  target: Target,
  server: string | null,
  locales: Locales = readLocales('public/_locales'),
): string[] {
  const registry = buildRegistry(server);
  const problems: string[] = [];
  if (manifest.manifest_version !== 3) problems.push('manifest_version is not 3');
  problems.push(...localeProblems(manifest, locales));
  if (!same(manifest.permissions, EXPECTED_PERMISSIONS[target])) problems.push(`permissions ${JSON.stringify(manifest.permissions)}`);
  if (!same(manifest.optional_permissions, EXPECTED_OPTIONAL[target]))
    problems.push(`optional_permissions ${JSON.stringify(manifest.optional_permissions)}`);
  if (!same(manifest.host_permissions, hostPermissions(registry)))
    problems.push(`host_permissions ${JSON.stringify(manifest.host_permissions)}`);
  const hosts = manifest.host_permissions ?? [];
  if (hosts.some((h) => h.includes('<all_urls>') || /^\*:\/\/\*\//.test(h) || /^https?:\/\/\*\//.test(h)))
    problems.push('a host permission matches all sites');
  const csp = manifest.content_security_policy?.extension_pages;
  if (!csp) problems.push('no extension_pages CSP');
  else {
    if (csp !== extensionPagesCsp(registry)) problems.push(`CSP differs from the registry's: ${csp}`);
    if (/unsafe-(eval|inline)|wasm-unsafe-eval|\bhttp:|\bdata:[^;]*script/.test(csp)) problems.push('CSP allows unsafe code');
  }
  for (const key of FORBIDDEN_KEYS) if (key in manifest) problems.push(`has ${key}`);
  if (target === 'chrome') {
    if (!manifest.background?.service_worker) problems.push('chrome: no background.service_worker');
  } else {
    const gecko = manifest.browser_specific_settings?.gecko;
    if (!manifest.background?.scripts?.length || manifest.background.service_worker)
      problems.push('firefox: background must be scripts only');
    if (gecko?.id !== GECKO_ID) problems.push('firefox: gecko id');
    if (Number.parseFloat(gecko?.strict_min_version ?? '0') < 142) problems.push('firefox: strict_min_version < 142');
    if (!same(gecko?.data_collection_permissions?.required, ['none']))
      problems.push('firefox: data_collection_permissions must be required: ["none"]');
  }
  if ('key' in manifest) problems.push('release build carries the test-only key');
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = false;
  const server = process.env.LEAKLESS_SERVER || null;
  for (const target of ['chrome', 'firefox'] as const) {
    const manifest = JSON.parse(readFileSync(`dist/${target}/manifest.json`, 'utf8')) as Manifest;
    const problems = manifestProblems(manifest, target, server, readLocales(`dist/${target}/_locales`));
    console.log(
      `${target}: ${problems.length ? 'FAIL' : 'ok'} (${manifest.host_permissions?.length ?? 0} hosts, CSP ${manifest.content_security_policy?.extension_pages?.length ?? 0} chars)`,
    );
    for (const p of problems) console.log(`  - ${p}`);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
