import type { LedgerEntry } from '../net/types';

/** The extension contexts the self-audit watches; each installs watchContext at startup. */
export type AuditContext = 'popup' | 'options' | 'audit' | 'background' | 'history';

/** A request the browser refused under our CSP: an attempt that never reached the network. */
export interface Violation {
  readonly kind: 'violation';
  readonly time: number;
  readonly context: AuditContext;
  readonly blockedURI: string;
  readonly violatedDirective: string;
  readonly sourceFile?: string;
}

/** A resource a context loaded from anywhere but the extension itself, as the browser reports it. */
export interface ObservedResource {
  readonly kind: 'resource';
  readonly time: number;
  readonly context: AuditContext;
  readonly url: string;
  readonly initiatorType: string;
}

export type Observation = Violation | ObservedResource;

export interface ObservationSink {
  record(observation: Observation): void;
}

export type FindingCode =
  | 'unlogged-resource'
  | 'undeclared-request'
  | 'csp-violation'
  | 'host-permissions-drift'
  | 'csp-drift'
  | 'extra-permission'
  | 'missing-permission'
  | 'content-scripts'
  | 'sync-not-empty'
  | 'unknown-local-key'
  | 'unknown-session-key';

/** One reason the audit does not pass: a code (an i18n-style key) and the values its sentence needs. */
export interface Finding {
  readonly code: FindingCode;
  readonly params: Readonly<Record<string, string>>;
}

export interface AuditReport {
  readonly pass: boolean;
  /** Requests in the ledger this browser session. */
  readonly requests: number;
  readonly findings: readonly Finding[];
}

export type BrowserTarget = 'chrome' | 'firefox';

/** The manifest fields the audit checks; everything else the browser reports is ignored. */
export interface RunningManifest {
  readonly host_permissions?: readonly string[];
  readonly permissions?: readonly string[];
  readonly optional_permissions?: readonly string[];
  readonly optional_host_permissions?: readonly string[];
  readonly content_scripts?: readonly unknown[];
  readonly content_security_policy?: unknown;
}

export interface StoredKeys {
  readonly local: readonly string[];
  readonly session: readonly string[];
  readonly sync: readonly string[];
}

export interface AuditInputs {
  readonly ledger: readonly LedgerEntry[];
  readonly observations: readonly Observation[];
  readonly manifest: RunningManifest;
  readonly target: BrowserTarget;
  readonly stored: StoredKeys;
}
