import { useCallback, useEffect, useState } from 'preact/hooks';
import { DigestPanel } from './DigestPanel';
import type { InstalledDigest } from './digest';
import type { ExportOutcome } from './export';
import { LedgerTable } from './LedgerTable';
import { ManifestPanel, StoragePanel } from './Panels';
import { describeFinding, summaryLine, TEXT } from './text';
import type { AuditInputs, AuditReport } from './types';

export interface AuditRun {
  readonly inputs: AuditInputs;
  readonly report: AuditReport;
}

export interface AuditServices {
  load(): Promise<AuditRun>;
  exportRun(run: AuditRun): Promise<ExportOutcome>;
  /** The installed copy's digest over its own files (src/audit/digest.ts); absent in tests that do not need it. */
  digest?(): Promise<InstalledDigest>;
}

const EXPORT_TEXT: Record<ExportOutcome, keyof typeof TEXT> = { saved: 'exported', copied: 'copied', failed: 'exportFailed' };

export function Audit({ services }: { services: AuditServices }) {
  const [run, setRun] = useState<AuditRun | null>(null);
  const [exported, setExported] = useState<ExportOutcome | null>(null);
  const reload = useCallback(() => {
    setRun(null);
    setExported(null);
    services.load().then(setRun, (error: unknown) => console.error('leakless audit failed', error));
  }, [services]);
  useEffect(reload, [reload]);

  return (
    <main aria-busy={run === null}>
      <h1>{TEXT.title}</h1>
      <p>{TEXT.intro}</p>
      <p class={run === null ? 'result' : run.report.pass ? 'result good' : 'result bad'} role="status" data-testid="audit-result">
        {run === null ? TEXT.loading : summaryLine(run.report.pass, run.report.requests, run.report.findings.length)}
      </p>
      <div class="actions">
        <button type="button" onClick={reload}>
          {TEXT.rerun}
        </button>
        <button type="button" disabled={run === null} onClick={() => run && services.exportRun(run).then(setExported)}>
          {TEXT.exportJson}
        </button>
        {exported && <span role="status">{TEXT[EXPORT_TEXT[exported]]}</span>}
      </div>
      {run && (
        <>
          <section aria-labelledby="h-findings">
            <h2 id="h-findings">{TEXT.findingsHeading}</h2>
            {run.report.findings.length === 0 ? (
              <p>{TEXT.noFindings}</p>
            ) : (
              <ul data-testid="audit-findings">
                {run.report.findings.map((f, i) => (
                  <li key={`${f.code}-${i}`} data-code={f.code}>
                    {describeFinding(f)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="h-ledger">
            <h2 id="h-ledger">{TEXT.ledgerHeading}</h2>
            <LedgerTable entries={run.inputs.ledger} />
          </section>
          <StoragePanel stored={run.inputs.stored} />
          <ManifestPanel manifest={run.inputs.manifest} findings={run.report.findings} />
          {services.digest && <DigestPanel load={services.digest} />}
        </>
      )}
    </main>
  );
}
