import { describe, expect, it } from 'vitest';
import { merge, overlay, parseTable, summarize, table } from '../../scripts/mutation-summary';

describe('mutation summary', () => {
  it('scores each module: timeouts are kills, no coverage counts against it, ignored and compile errors do not count', () => {
    const rows = summarize({
      files: {
        'src/b.ts': { mutants: [{ status: 'Killed' }, { status: 'Timeout' }, { status: 'Survived' }, { status: 'NoCoverage' }] },
        'src/a.ts': { mutants: [{ status: 'Killed' }, { status: 'Ignored' }, { status: 'CompileError' }] },
        'src/c.ts': { mutants: [] },
      },
    });
    expect(rows).toEqual([
      { file: 'src/a.ts', killed: 1, survived: 0, noCoverage: 0, score: 100 },
      { file: 'src/b.ts', killed: 2, survived: 1, noCoverage: 1, score: 50 },
      { file: 'src/c.ts', killed: 0, survived: 0, noCoverage: 0, score: 100 },
    ]);
    expect(table(rows.slice(1, 2))).toBe(
      '| module | killed | survived | no coverage | score |\n|---|---:|---:|---:|---:|\n| `src/b.ts` | 2 | 1 | 1 | 50.0 % |\n',
    );
  });

  it('merges reports: each module from the last report that has it', () => {
    const older = {
      files: { 'src/a.ts': { mutants: [{ status: 'Survived' as const }] }, 'src/b.ts': { mutants: [{ status: 'Killed' as const }] } },
    };
    const newer = {
      files: { 'src/a.ts': { mutants: [{ status: 'Killed' as const }, { status: 'Killed' as const }] }, 'src/c.ts': { mutants: [] } },
    };
    expect(merge([older, newer])).toEqual({
      files: {
        'src/a.ts': { mutants: [{ status: 'Killed' }, { status: 'Killed' }] },
        'src/b.ts': { mutants: [{ status: 'Killed' }] },
        'src/c.ts': { mutants: [] },
      },
    });
    expect(merge([])).toEqual({ files: {} });
  });

  it('reads back the rows of a table it wrote, and nothing else', () => {
    const md =
      '| module | killed | survived | no coverage | score |\n|---|---:|---:|---:|---:|\n| `src/b.ts` | 2 | 1 | 1 | 50.0 % |\n| `server/a.ts` | 68 | 11 | 10 | 86.1 % |\nsome prose | 1 |\nsee | `c.ts` | 1 | 0 | 0 | 100.0 % |\n| `d.ts` | 1 | 0 | 0 | 100.0 % | more\n';
    expect(parseTable(md)).toEqual([
      { file: 'src/b.ts', killed: 2, survived: 1, noCoverage: 1, score: 50 },
      { file: 'server/a.ts', killed: 68, survived: 11, noCoverage: 10, score: 86.1 },
    ]);
  });

  it('keeps a measured row unless a new run measured the module again', () => {
    const kept = [
      { file: 'src/z.ts', killed: 1, survived: 1, noCoverage: 0, score: 50 },
      { file: 'src/a.ts', killed: 9, survived: 1, noCoverage: 0, score: 90 },
    ];
    const measured = [
      { file: 'src/a.ts', killed: 10, survived: 0, noCoverage: 0, score: 100 },
      { file: 'src/m.ts', killed: 3, survived: 0, noCoverage: 0, score: 100 },
    ];
    expect(overlay(kept, measured)).toEqual([
      { file: 'src/a.ts', killed: 10, survived: 0, noCoverage: 0, score: 100 },
      { file: 'src/m.ts', killed: 3, survived: 0, noCoverage: 0, score: 100 },
      { file: 'src/z.ts', killed: 1, survived: 1, noCoverage: 0, score: 50 },
    ]);
  });
});
