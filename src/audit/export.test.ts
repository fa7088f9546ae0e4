// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { auditJson, type ExportEnv, exportJson } from './export';

const report = { pass: true, requests: 0, findings: [] };
const inputs = { ledger: [], observations: [], manifest: {}, target: 'chrome' as const, stored: { local: [], session: [], sync: [] } };

describe('export', () => {
  it('serialises the report and its inputs with a timestamp', () => {
    const parsed = JSON.parse(auditJson(inputs, report, 0));
    expect(parsed).toMatchObject({ generatedAt: '1970-01-01T00:00:00.000Z', report, target: 'chrome', ledger: [] });
  });

  it('downloads through a blob URL and an <a download>, without any network', async () => {
    const clicks: string[] = [];
    const env: ExportEnv = {
      document,
      URL: { createObjectURL: () => 'blob:chrome-extension://abc/1', revokeObjectURL: vi.fn() },
      clipboard: { writeText: vi.fn() },
    };
    document.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      clicks.push(`${a.getAttribute('href')} ${a.download}`);
      e.preventDefault();
    });
    expect(await exportJson('{}', 'leakless-audit.json', env)).toBe('saved');
    expect(clicks).toEqual(['blob:chrome-extension://abc/1 leakless-audit.json']);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(env.clipboard?.writeText).not.toHaveBeenCalled();
  });

  it('falls back to the clipboard when a blob URL cannot be made', async () => {
    const writeText = vi.fn(async () => undefined);
    const env: ExportEnv = {
      document,
      URL: {
        createObjectURL: () => {
          throw new Error('blocked');
        },
        revokeObjectURL: vi.fn(),
      },
      clipboard: { writeText },
    };
    expect(await exportJson('{"a":1}', 'f.json', env)).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('{"a":1}');
    expect(await exportJson('{}', 'f.json', { ...env, clipboard: null })).toBe('failed');
  });
});
