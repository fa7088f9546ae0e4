import type { Registry } from '../endpoints';
import { extensionPagesCsp, hostPermissions } from '../manifest/derive';
import { FIREFOX_REQUIRED_MONITOR_PERMISSIONS, MONITOR_PERMISSIONS } from '../model/monitor';
import type { BrowserTarget, Finding, RunningManifest } from './types';

/** The permissions docs/permissions.md explains; a test holds these equal to what src/manifest/derive.ts emits. */
export const EXPECTED_PERMISSIONS: Readonly<Record<BrowserTarget, readonly string[]>> = {
  chrome: ['storage'],
  firefox: ['storage', 'dns', ...FIREFOX_REQUIRED_MONITOR_PERMISSIONS],
};
export const EXPECTED_OPTIONAL_PERMISSIONS: Readonly<Record<BrowserTarget, readonly string[]>> = {
  chrome: ['privacy', ...MONITOR_PERMISSIONS],
  firefox: ['privacy', ...MONITOR_PERMISSIONS.filter((p) => !FIREFOX_REQUIRED_MONITOR_PERMISSIONS.includes(p))],
};

const list = (value: readonly string[] | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);
const without = (a: readonly string[], b: readonly string[]): string[] => a.filter((x) => !b.includes(x));
const squash = (text: string): string => text.trim().replace(/\s+/g, ' ');

function runningCsp(manifest: RunningManifest): string {
  const csp = manifest.content_security_policy;
  if (typeof csp === 'string') return csp; // MV2 shape: never ours, so it will not match
  if (typeof csp === 'object' && csp !== null) {
    const pages = (csp as { extension_pages?: unknown }).extension_pages;
    if (typeof pages === 'string') return pages;
  }
  return '';
}

/**
 * The running manifest against what this build's registry says it must be. The manifest is derived at
 * build time; this catches a hand-edited dist, a stale build, or a store-side change.
 */
export function manifestFindings(
  manifest: RunningManifest,
  registry: Registry,
  target: BrowserTarget,
  /** Test builds: these optional permissions are granted at install (src/manifest/derive.ts testGrants). */
  testGrants: readonly string[] = [],
): Finding[] {
  const required = [...EXPECTED_PERMISSIONS[target], ...testGrants];
  const optional = without(EXPECTED_OPTIONAL_PERMISSIONS[target], testGrants);
  const findings: Finding[] = [];
  const hosts = list(manifest.host_permissions);
  const expectedHosts = hostPermissions(registry);
  const extraHosts = without(hosts, expectedHosts);
  const missingHosts = without(expectedHosts, hosts);
  if (extraHosts.length || missingHosts.length || hosts.length !== expectedHosts.length) {
    findings.push({ code: 'host-permissions-drift', params: { extra: extraHosts.join(' '), missing: missingHosts.join(' ') } });
  }

  const csp = runningCsp(manifest);
  const expectedCsp = extensionPagesCsp(registry);
  if (squash(csp) !== squash(expectedCsp)) findings.push({ code: 'csp-drift', params: { running: csp, expected: expectedCsp } });

  const permissions = list(manifest.permissions);
  for (const p of without(permissions, required)) {
    findings.push({ code: 'extra-permission', params: { permission: p, kind: 'required' } });
  }
  for (const p of without(required, permissions)) {
    findings.push({ code: 'missing-permission', params: { permission: p } });
  }
  for (const p of without(list(manifest.optional_permissions), optional)) {
    findings.push({ code: 'extra-permission', params: { permission: p, kind: 'optional' } });
  }
  for (const p of list(manifest.optional_host_permissions)) {
    findings.push({ code: 'extra-permission', params: { permission: p, kind: 'optional host' } });
  }
  const scripts = manifest.content_scripts;
  if (Array.isArray(scripts) && scripts.length > 0) findings.push({ code: 'content-scripts', params: { count: String(scripts.length) } });
  return findings;
}
