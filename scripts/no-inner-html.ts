// Preact's renderer carries an innerHTML sink for the dangerouslySetInnerHTML prop. Leakless never uses the
// prop (biome's noDangerouslySetInnerHtml fails the lint on any use), so the sink is cut from the bundle:
// one HTML-injection path fewer, and web-ext lint has nothing to warn about. If the library's code changes
// shape, the build fails instead of shipping the sink again unnoticed.
import type { Plugin } from 'vite';

/** The one assignment in preact/dist/preact.mjs (minified): `t.innerHTML=h.__html`. */
const SINK = /\b([A-Za-z_$][\w$]*)\.innerHTML=([A-Za-z_$][\w$]*)\.__html\b/g;
/** Should the prop ever be used after all, rendering fails loudly instead of doing nothing. */
const REFUSAL = '(()=>{throw Error("dangerouslySetInnerHTML")})()';
const PREACT = /\/node_modules\/preact\/dist\/preact\.mjs(\?|$)/;

/** The renderer without its innerHTML assignment; throws if there is not exactly one to remove. */
export function removeInnerHtmlSink(code: string): string {
  const found = code.match(SINK) ?? [];
  if (found.length !== 1) throw new Error(`expected one innerHTML sink in preact, found ${found.length}: check scripts/no-inner-html.ts`);
  const out = code.replace(SINK, REFUSAL);
  if (/\.innerHTML\s*=[^=]/.test(out)) throw new Error('preact still assigns innerHTML after the rewrite');
  return out;
}

export function noInnerHtml(): Plugin {
  let rewritten = false;
  return {
    name: 'leakless-no-inner-html',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!PREACT.test(id)) return null;
      rewritten = true;
      return { code: removeInnerHtmlSink(code), map: null };
    },
    buildEnd(error) {
      // Preact resolved from another file (a new entry point, a dev build) would bypass the rewrite.
      if (!error && !rewritten) this.error('preact/dist/preact.mjs was never bundled: the innerHTML rewrite did not run');
    },
  };
}
