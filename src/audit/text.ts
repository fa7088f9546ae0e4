// Every English string of the audit page, in one place so they move to _locales in one step.
import type { AuditContext, Finding } from './types';

const CONTEXT: Record<AuditContext, string> = {
  popup: 'the popup',
  options: 'the options page',
  audit: 'this audit page',
  background: 'the background script',
};
const where = (context: string | undefined): string => CONTEXT[context as AuditContext] ?? `the ${context ?? 'unknown'} context`;

export const TEXT = {
  title: 'Leakless self-audit',
  intro:
    'This page checks, inside your browser, that Leakless only contacted the check endpoints it declares, stored nothing unexpected, and runs with exactly the permissions it documents.',
  loading: 'Checking…',
  rerun: 'Check again',
  exportJson: 'Export JSON',
  exported: 'Saved as a file on this computer.',
  copied: 'Copied as JSON to the clipboard.',
  exportFailed: 'Could not export. Nothing was sent anywhere.',
  findingsHeading: 'Findings',
  noFindings: 'No findings.',
  ledgerHeading: 'Requests this browser session',
  ledgerEmpty: 'No requests yet. Run a check from the toolbar button, then check again here.',
  ledgerCaption: 'Every request Leakless made since the browser started (kept in session storage, cleared when the browser closes).',
  colTime: 'Time',
  colEndpoint: 'Endpoint',
  colHost: 'Host',
  colMethod: 'Method',
  colOut: 'Bytes out',
  colIn: 'Bytes in',
  colResult: 'Status or problem',
  storageHeading: 'What is stored, and where',
  storageLocal: 'storage.local (settings; the last result only if you turned that on)',
  storageSession: 'storage.session (this audit; cleared when the browser closes)',
  storageSync: 'storage.sync (must be empty: nothing is synced)',
  storageNone: 'nothing',
  manifestHeading: 'Manifest check',
  manifestOk: 'Permissions, host permissions and content security policy are exactly the ones this build declares.',
  manifestBad: 'The running manifest differs from this build’s declared one; see the findings.',
  hostPermissions: 'Host permissions',
  permissions: 'Permissions',
  csp: 'Content security policy',
} as const;

export function summaryLine(pass: boolean, requests: number, findings: number): string {
  if (pass) return `Pass — ${requests} ${requests === 1 ? 'request' : 'requests'}, all to declared check endpoints`;
  return `${findings} ${findings === 1 ? 'finding' : 'findings'} — see below`;
}

/** A finding in plain words. */
export function describeFinding(finding: Finding): string {
  const p = finding.params;
  switch (finding.code) {
    case 'unlogged-resource':
      return `The browser reports a request from ${where(p.context)} to ${p.url} (${p.initiator}) that is not in the request ledger.`;
    case 'undeclared-request':
      return `A request to ${p.url} (as ${p.endpointId}) matches no declared endpoint.`;
    case 'csp-violation':
      return `The browser blocked an attempt from ${where(p.context)} to reach ${p.url || 'an unknown address'} (${p.directive}).`;
    case 'host-permissions-drift':
      return `Host permissions differ from the declared ones.${p.extra ? ` Extra: ${p.extra}.` : ''}${p.missing ? ` Missing: ${p.missing}.` : ''}`;
    case 'csp-drift':
      return `The content security policy differs from the declared one: ${p.running || '(none)'}`;
    case 'extra-permission':
      return `An undeclared ${p.kind} permission: ${p.permission}.`;
    case 'missing-permission':
      return `A declared permission is missing: ${p.permission}.`;
    case 'content-scripts':
      return `The manifest declares content scripts (${p.count}); Leakless has none.`;
    case 'sync-not-empty':
      return `storage.sync holds data (${p.keys}); Leakless never syncs anything.`;
    case 'unknown-local-key':
      return `storage.local holds an unknown key: ${p.key}.`;
    case 'unknown-session-key':
      return `storage.session holds an unknown key: ${p.key}.`;
  }
}
