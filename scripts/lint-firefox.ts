// web-ext lint on dist/firefox: 0 errors and 0 warnings, except the ones named, with a reason, in the allowlist.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

interface Message {
  code: string;
  file?: string;
  message: string;
}
interface Allowed {
  code: string;
  file: string;
  reason: string;
}

const globToRegExp = (glob: string) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);

export function unexpected(messages: readonly Message[], allowlist: readonly Allowed[]): Message[] {
  return messages.filter((m) => !allowlist.some((a) => a.code === m.code && globToRegExp(a.file).test(m.file ?? '')));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bin = new URL('../node_modules/web-ext/bin/web-ext.js', import.meta.url).pathname;
  let out: string;
  try {
    out = execFileSync(process.execPath, [bin, 'lint', '--source-dir', 'dist/firefox', '--no-input', '--output', 'json'], {
      encoding: 'utf8',
    });
  } catch (err) {
    // web-ext exits non-zero on errors but still prints the report.
    out = (err as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(out) as { errors: Message[]; warnings: Message[]; notices: Message[] };
  const allowlist = JSON.parse(readFileSync('web-ext-lint-allowlist.json', 'utf8')) as Allowed[];
  const bad = [...unexpected(report.errors, []), ...unexpected(report.warnings, allowlist)];
  console.log(
    `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - unexpected(report.warnings, allowlist).length} allowlisted), ${report.notices.length} notices`,
  );
  for (const m of bad) console.log(`  - ${m.code} ${m.file ?? ''}: ${m.message}`);
  process.exit(bad.length ? 1 : 0);
}
