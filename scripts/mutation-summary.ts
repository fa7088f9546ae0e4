// Turns Stryker's JSON report into the committed per-module table (reports/mutation-summary.md), which the
// README shows. `npm run mutate` writes the report; this runs after it. Given report files as arguments, it
// merges them (runs over a few modules each, when a full run does not fit): a module's last report wins.
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  const paths = process.argv.length > 2 ? process.argv.slice(2) : [join(root, 'reports/mutation/mutation.json')];
  const report = merge(paths.map((path) => JSON.parse(readFileSync(path, 'utf8')) as Report));
  const rows = summarize(report);
  writeFileSync(join(root, 'reports/mutation-summary.md'), table(rows));
  const low = rows.filter((r) => r.score < 90);
  console.log(
    `mutation score per module written to reports/mutation-summary.md; below 90 %: ${low.length ? low.map((r) => r.file).join(', ') : 'none'}`,
  );
}
