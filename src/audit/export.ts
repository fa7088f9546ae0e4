import type { AuditInputs, AuditReport } from './types';

export type ExportOutcome = 'saved' | 'copied' | 'failed';

/** Everything the page shows, as one JSON document the user can keep or share on their own. */
export function auditJson(inputs: AuditInputs, report: AuditReport, now: number): string {
  return JSON.stringify({ generatedAt: new Date(now).toISOString(), report, ...inputs }, null, 2);
}

export interface ExportEnv {
  readonly document: Document;
  readonly URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
  readonly clipboard: Pick<Clipboard, 'writeText'> | null;
}

const defaultEnv = (): ExportEnv => ({ document, URL, clipboard: globalThis.navigator?.clipboard ?? null });

/**
 * Saves via a Blob URL and <a download>: a local download, no network, and not governed by the
 * page's fetch/img directives. Where that fails, the JSON goes to the clipboard instead.
 */
export async function exportJson(json: string, filename: string, env: ExportEnv = defaultEnv()): Promise<ExportOutcome> {
  try {
    const url = env.URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = env.document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    env.document.body.append(link);
    link.click();
    link.remove();
    // Revoked after the click has been handed to the download manager.
    setTimeout(() => env.URL.revokeObjectURL(url), 10_000);
    return 'saved';
  } catch {
    try {
      if (!env.clipboard) return 'failed';
      await env.clipboard.writeText(json);
      return 'copied';
    } catch {
      return 'failed';
    }
  }
}
