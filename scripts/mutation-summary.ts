// Turns Stryker's JSON report into the committed per-module table (reports/mutation-summary.md), which the
// README shows. `npm run mutate` writes the report; this runs after it. Given report files as arguments, it
// merges them (runs over a few modules each, when a full run does not fit): a module's last report wins.
// With --keep, the committed table is the first "report": modules not run again keep their measured row.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Status = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export interface Report {
  readonly files: Readonly<Record<string, { readonly mutants: readonly { readonly status: Status }[] }>>;
}

export interface Row {
  readonly file: string;
  readonly killed: number;
  readonly survived: number;
  readonly noCoverage: number;
  /** Killed (timeouts count as killed, as Stryker counts them) over every mutant that ran or had no test. */
  readonly score: number;
}

export function summarize(report: Report): Row[] {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      const count = (...statuses: Status[]) => mutants.filter((m) => statuses.includes(m.status)).length;
      const killed = count('Killed', 'Timeout');
      const survived = count('Survived');
      const noCoverage = count('NoCoverage');
      const total = killed + survived + noCoverage;
      return { file, killed, survived, noCoverage, score: total === 0 ? 100 : (100 * killed) / total };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** One report from several: each module from the last report that has it, so a re-run replaces an older one. */
export function merge(reports: readonly Report[]): Report {
  const files: Record<string, Report['files'][string]> = {};
  for (const report of reports) for (const [file, entry] of Object.entries(report.files)) files[file] = entry;
  return { files };
}

export function table(rows: readonly Row[]): string {
  const lines = ['| module | killed | survived | no coverage | score |', '|---|---:|---:|---:|---:|'];
  for (const r of rows) lines.push(`| \`${r.file}\` | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${r.score.toFixed(1)} % |`);
  return `${lines.join('\n')}\n`;
}

const ROW = /^\| `([^`]+)` \| (\d+) \| (\d+) \| (\d+) \| ([\d.]+) % \|$/;

/** The rows of a table this script wrote; lines of any other shape are not rows. */
export function parseTable(markdown: string): Row[] {
  return markdown.split('\n').flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ file: m[1] ?? '', killed: Number(m[2]), survived: Number(m[3]), noCoverage: Number(m[4]), score: Number(m[5]) }] : [];
  });
}

/** The kept rows, each replaced by a newly measured one for the same module; sorted as summarize sorts. */
export function overlay(kept: readonly Row[], measured: readonly Row[]): Row[] {
  const byFile = new Map(kept.map((r) => [r.file, r]));
  for (const r of measured) byFile.set(r.file, r);
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file));
}

// Stryker disable all: the command line only reads files, writes one and prints; what it calls is tested.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const summaryPath = join(root, 'reports/mutation-summary.md');
  const keep = process.argv.includes('--keep');
  const args = process.argv.slice(2).filter((a) => a !== '--keep');
  const paths = args.length > 0 ? args : [join(root, 'reports/mutation/mutation.json')];
  const report = merge(paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as Report));
  const rows = overlay(keep ? parseTable(readFileSync(summaryPath, 'utf8')) : [], summarize(report));
  writeFileSync(summaryPath, table(rows));
  const low = rows.filter((r) => r.score < 90);
  console.log(
    `mutation score per module written to reports/mutation-summary.md; below 90 %: ${low.length ? low.map((r) => r.file).join(', ') : 'none'}`,
  );
}
// Stryker restore all
