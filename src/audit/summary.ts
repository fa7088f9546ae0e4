import { registry } from '../endpoints';
import type { AuditSummary } from '../model';
import { browserCollectApi, type CollectApi, collect } from './collect';
import { evaluate } from './evaluate';
import type { Observation } from './types';

/** The popup's one line: the same audit as the audit page, counted (in the background, for the popup's size). */
export async function auditSummary(api: CollectApi = browserCollectApi()): Promise<AuditSummary> {
  const report = evaluate(await collect(api), registry);
  return { requests: report.requests, findings: report.findings.length, pass: report.pass };
}

/** In the background: its own live buffer stands in for the message a page would send it. */
export function backgroundAuditSummary(observed: () => Observation[]): Promise<AuditSummary> {
  return auditSummary({ ...browserCollectApi(), sendMessage: () => Promise.resolve(observed()) });
}
