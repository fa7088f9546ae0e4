import { registry } from '../endpoints';
import { browserCollectApi, type CollectApi, collect } from './collect';
import { evaluate } from './evaluate';

export interface AuditSummary {
  readonly requests: number;
  readonly findings: number;
  readonly pass: boolean;
}

/** The popup's one line: the same audit as the audit page, counted. */
export async function auditSummary(api: CollectApi = browserCollectApi()): Promise<AuditSummary> {
  const report = evaluate(await collect(api), registry);
  return { requests: report.requests, findings: report.findings.length, pass: report.pass };
}
