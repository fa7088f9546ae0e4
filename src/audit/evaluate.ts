import { matchesUrl, type Registry } from '../endpoints';
import { isAuditSessionKey, KNOWN_LOCAL_KEYS } from '../ext/storage-keys';
import type { LedgerEntry } from '../net/types';
import { TEST_GRANTS } from '../test-support/grants';
import { manifestFindings } from './manifest-check';
import { AUDIT_LIMIT } from './session-list';
import type { AuditInputs, AuditReport, Finding, Observation, StoredKeys } from './types';

/** Resource Timing and our ledger may spell the same URL differently (case, default port): compare parsed forms. */
function normalize(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

/** A ledger entry without a URL was refused before anything was sent: it is not a request. */
export const sentRequests = (ledger: readonly LedgerEntry[]): LedgerEntry[] => ledger.filter((e) => e.url !== '');

function ledgerFindings(ledger: readonly LedgerEntry[], registry: Registry): Finding[] {
  const findings: Finding[] = [];
  for (const entry of ledger) {
    // The entry must match the endpoint it names: a URL that fits only some other endpoint is still drift.
    const endpoint = registry.endpoints.find((e) => e.id === entry.endpointId);
    if (!endpoint || !matchesUrl(endpoint, entry.url)) {
      findings.push({ code: 'undeclared-request', params: { url: entry.url, endpointId: entry.endpointId } });
    }
  }
  return findings;
}

/**
 * The ledger keeps the last AUDIT_LIMIT requests. Once it is full, a resource the browser saw before the
 * oldest entry kept (plus the longest a request may take) may be one whose entry was rotated out: it is not
 * compared, rather than reported as unlogged. A ledger that is not full is compared in full.
 */
const LONGEST_REQUEST_MS = 30_000;
function comparedSince(ledger: readonly LedgerEntry[]): number {
  if (ledger.length < AUDIT_LIMIT) return Number.NEGATIVE_INFINITY;
  return Math.min(...ledger.map((e) => e.time)) + LONGEST_REQUEST_MS;
}

function observationFindings(observations: readonly Observation[], ledger: readonly LedgerEntry[], since: number): Finding[] {
  // Counted, not just listed: a second, unlogged request to a URL the ledger has once is still a finding.
  const logged = new Map<string, number>();
  for (const e of ledger) logged.set(normalize(e.url), (logged.get(normalize(e.url)) ?? 0) + 1);
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const o of observations) {
    if (o.kind === 'violation') {
      findings.push({ code: 'csp-violation', params: { url: o.blockedURI, directive: o.violatedDirective, context: o.context } });
      continue;
    }
    if (o.time < since) continue;
    const url = normalize(o.url);
    const key = `${o.context} ${url}`;
    const left = logged.get(url) ?? 0;
    if (left > 0) {
      logged.set(url, left - 1);
      continue;
    }
    if (reported.has(key)) continue;
    reported.add(key);
    findings.push({ code: 'unlogged-resource', params: { url: o.url, context: o.context, initiator: o.initiatorType } });
  }
  return findings;
}

function storageFindings(stored: StoredKeys): Finding[] {
  const findings: Finding[] = [];
  if (stored.sync.length > 0) findings.push({ code: 'sync-not-empty', params: { keys: stored.sync.join(', ') } });
  for (const key of stored.local) {
    if (!KNOWN_LOCAL_KEYS.includes(key)) findings.push({ code: 'unknown-local-key', params: { key } });
  }
  for (const key of stored.session) {
    if (!isAuditSessionKey(key)) findings.push({ code: 'unknown-session-key', params: { key } });
  }
  return findings;
}

/** The whole self-audit verdict. Pure: the page gathers the inputs (collect.ts), this judges them. */
export function evaluate(inputs: AuditInputs, registry: Registry): AuditReport {
  const ledger = sentRequests(inputs.ledger);
  const findings = [
    ...observationFindings(inputs.observations, ledger, comparedSince(inputs.ledger)),
    ...ledgerFindings(ledger, registry),
    ...manifestFindings(inputs.manifest, registry, inputs.target, TEST_GRANTS),
    ...storageFindings(inputs.stored),
  ];
  return { pass: findings.length === 0, requests: ledger.length, findings };
}
