// Every word of the audit page comes from public/_locales (keys prefixed `audit`); this module only picks the key.
import { t as browserT, type Translate } from '../i18n/t';
import type { AuditContext, Finding } from './types';

let t: Translate = browserT;

/** Swaps the message source; tests render with a catalogue read from disk (src/i18n/test-messages.ts). */
export function setAuditTranslate(translate: Translate): void {
  t = translate;
}

/** The message key behind each TEXT entry. */
export const TEXT_KEYS = {
  title: 'auditTitle',
  intro: 'auditIntro',
  loading: 'auditLoading',
  rerun: 'auditRerun',
  exportJson: 'auditExportJson',
  exported: 'auditExported',
  copied: 'auditCopied',
  exportFailed: 'auditExportFailed',
  findingsHeading: 'auditFindingsHeading',
  noFindings: 'auditNoFindings',
  ledgerHeading: 'auditLedgerHeading',
  ledgerEmpty: 'auditLedgerEmpty',
  ledgerCaption: 'auditLedgerCaption',
  colTime: 'auditColTime',
  colEndpoint: 'auditColEndpoint',
  colHost: 'auditColHost',
  colMethod: 'auditColMethod',
  colOut: 'auditColOut',
  colIn: 'auditColIn',
  colResult: 'auditColResult',
  colCause: 'auditColCause',
  storageHeading: 'auditStorageHeading',
  storageLocal: 'auditStorageLocal',
  storageSession: 'auditStorageSession',
  storageSync: 'auditStorageSync',
  storageNone: 'auditStorageNone',
  manifestHeading: 'auditManifestHeading',
  manifestOk: 'auditManifestOk',
  manifestBad: 'auditManifestBad',
  hostPermissions: 'auditHostPermissions',
  permissions: 'auditPermissions',
  csp: 'auditCsp',
  digestHeading: 'auditDigestHeading',
  digestCaveat: 'auditDigestCaveat',
  digestFailed: 'auditDigestFailed',
} as const;

/** Each entry is looked up when read (at render time), never when this module loads. */
export const TEXT = Object.defineProperties(
  {} as { readonly [K in keyof typeof TEXT_KEYS]: string },
  Object.fromEntries(Object.entries(TEXT_KEYS).map(([name, key]) => [name, { get: () => t(key), enumerable: true }])),
);

/** "(from) the popup" and the like: the preposition is in the message, so each language can decline the noun. */
const FROM: Record<AuditContext, string> = {
  popup: 'auditFrom_popup',
  options: 'auditFrom_options',
  audit: 'auditFrom_audit',
  background: 'auditFrom_background',
  history: 'auditFrom_history',
};
function from(context: string | undefined): string {
  const key = FROM[context as AuditContext];
  if (key) return t(key);
  return context === undefined ? t('auditFromUnknown') : t('auditFromOther', context);
}

/** The line above the installed copy's digest. */
export const digestLine = (files: number): string => t('auditDigest', String(files));

/** A permission the manifest lists as optional. */
export function optionalPermission(permission: string): string {
  return t('auditOptional', permission);
}

export function summaryLine(pass: boolean, requests: number, findings: number): string {
  if (pass) return t(requests === 1 ? 'auditResultPassOne' : 'auditResultPass', String(requests));
  return t(findings === 1 ? 'auditResultFindingsOne' : 'auditResultFindings', String(findings));
}

const EXTRA_PERMISSION: Readonly<Record<string, string>> = {
  required: 'auditFinding_extra_permission_required',
  optional: 'auditFinding_extra_permission_optional',
  'optional host': 'auditFinding_extra_permission_optional_host',
};

/** A finding in plain words. */
export function describeFinding(finding: Finding): string {
  const p = finding.params;
  switch (finding.code) {
    case 'unlogged-resource':
      return t('auditFinding_unlogged_resource', from(p.context), p.url ?? '', p.initiator ?? '');
    case 'undeclared-request':
      return t('auditFinding_undeclared_request', p.url ?? '', p.endpointId ?? '');
    case 'csp-violation':
      return t('auditFinding_csp_violation', from(p.context), p.url || t('auditUnknownAddress'), p.directive ?? '');
    case 'host-permissions-drift':
      return [
        t('auditFinding_host_permissions_drift'),
        p.extra ? t('auditDriftExtra', p.extra) : '',
        p.missing ? t('auditDriftMissing', p.missing) : '',
      ]
        .filter(Boolean)
        .join(' ');
    case 'csp-drift':
      return t('auditFinding_csp_drift', p.running || t('auditCspNone'));
    case 'extra-permission': {
      const key = EXTRA_PERMISSION[p.kind ?? ''];
      return key ? t(key, p.permission ?? '') : t('auditFinding_extra_permission', p.kind ?? '', p.permission ?? '');
    }
    case 'missing-permission':
      return t('auditFinding_missing_permission', p.permission ?? '');
    case 'content-scripts':
      return t('auditFinding_content_scripts', p.count ?? '');
    case 'sync-not-empty':
      return t('auditFinding_sync_not_empty', p.keys ?? '');
    case 'unknown-local-key':
      return t('auditFinding_unknown_local_key', p.key ?? '');
    case 'unknown-session-key':
      return t('auditFinding_unknown_session_key', p.key ?? '');
  }
}
