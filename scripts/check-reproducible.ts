// Two builds from the same tree must give byte-identical archives: rebuild, compare with what is in dist/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

const hashes = () =>
  Object.fromEntries(
    readdirSync('dist')
      .filter((f) => f.endsWith('.zip'))
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(`dist/${f}`))
          .digest('hex'),
      ]),
  );

const first = hashes();
if (Object.keys(first).length !== 3)
  throw new Error(`expected 3 archives in dist/, found ${Object.keys(first).join(', ')}: run the build first`);
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
const second = hashes();
let same = true;
for (const [file, hash] of Object.entries(first)) {
  const ok = second[file] === hash;
  same &&= ok;
  console.log(`${ok ? 'identical' : 'DIFFERENT'}  ${hash.slice(0, 16)}  ${file}`);
}
process.exit(same ? 0 : 1);
