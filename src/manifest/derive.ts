import { hostPatterns, type Registry } from '../endpoints';
import { FIREFOX_REQUIRED_MONITOR_PERMISSIONS } from '../model/monitor';

export type Target = 'chrome' | 'firefox';

export interface PackageInfo {
  readonly displayName: string;
  readonly version: string;
  readonly description: string;
}

export interface ManifestInput {
  readonly base: Readonly<Record<string, unknown>>;
  readonly pkg: PackageInfo;
  readonly registry: Registry;
  readonly target: Target;
  /** Test builds only: a public key that fixes the Chromium extension id. */
  readonly testKey?: string;
  /** Test builds only: optional permissions granted at install (listed as required), so tests need no prompt. */
  readonly testGrants?: readonly string[];
}

/** Moves `grants` from optional_permissions to permissions (test builds: monitoring's, pre-granted). */
function granted(manifest: Record<string, unknown>, grants: readonly string[] | undefined): Record<string, unknown> {
  if (!grants?.length) return manifest;
  const optional = (manifest.optional_permissions as string[] | undefined) ?? [];
  return {
    ...manifest,
    permissions: [...((manifest.permissions as string[] | undefined) ?? []), ...grants.filter((p) => optional.includes(p))],
    optional_permissions: optional.filter((p) => !grants.includes(p)),
  };
}

export const GECKO_ID = 'leakless@leakless.invalid';

/** host_permissions: exactly the registry's https hosts. */
export function hostPermissions(registry: Registry): string[] {
  return hostPatterns(registry.endpoints).map((host) => `https://${host}/*`);
}

/** The extension pages' CSP: nothing may load or connect but the extension itself and the registry's origins. */
export function extensionPagesCsp(registry: Registry): string {
  const connect = hostPatterns(registry.endpoints).map((host) => `https://${host}`);
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    // 'self': the self-audit page reads the extension's own packaged files to digest them.
    `connect-src ${["'self'", ...connect].join(' ')}`,
  ].join('; ');
}

export function makeManifest(input: ManifestInput): Record<string, unknown> {
  return granted(makeReleaseShape(input), input.testGrants);
}

function makeReleaseShape(input: ManifestInput): Record<string, unknown> {
  const { base, pkg, registry, target } = input;
  const manifest: Record<string, unknown> = {
    ...base,
    // The stores and the browsers show name and description in the user's language (public/_locales);
    // package.json's English description is the en one (src/i18n/locales.test.ts keeps them equal).
    name: '__MSG_extName__',
    version: pkg.version,
    description: '__MSG_extDescription__',
    host_permissions: hostPermissions(registry),
    content_security_policy: { extension_pages: extensionPagesCsp(registry) },
  };
  if (target === 'firefox') {
    const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
    return {
      ...rest,
      // Firefox has no MV3 service workers; dns is Firefox-only (secure-DNS probe).
      background: { scripts: ['src/background/index.ts'], type: 'module' },
      // alarms: Firefox refuses it in optional_permissions (monitoring's backstop; no alarm exists while it is off).
      permissions: [...(base.permissions as string[]), 'dns', ...FIREFOX_REQUIRED_MONITOR_PERMISSIONS],
      optional_permissions: ((base.optional_permissions as string[] | undefined) ?? []).filter(
        (p) => !FIREFOX_REQUIRED_MONITOR_PERMISSIONS.includes(p),
      ),
      browser_specific_settings: {
        gecko: { id: GECKO_ID, strict_min_version: '142.0', data_collection_permissions: { required: ['none'] } },
      },
    };
  }
  return input.testKey ? { ...manifest, key: input.testKey } : manifest;
}
