import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { removeInnerHtmlSink } from '../../scripts/no-inner-html';

// The shape of the code in preact 11's dist/preact.mjs, around the prop.
const SAMPLE = 'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||(t.innerHTML=h.__html),r.__k=[]):(y&&(t.textContent=""),x)';

describe('removing preact’s innerHTML sink', () => {
  test('the assignment becomes a refusal; reading innerHTML stays', () => {
    expect(removeInnerHtmlSink(SAMPLE)).toBe(
      'h?(l||y&&(h.__html==y.__html||h.__html==t.innerHTML)||((()=>{throw Error("dangerouslySetInnerHTML")})()),r.__k=[]):(y&&(t.textContent=""),x)',
    );
  });

  test('fails when the library no longer looks as expected', () => {
    expect(() => removeInnerHtmlSink('t.textContent=h')).toThrow('expected one innerHTML sink in preact, found 0');
    expect(() => removeInnerHtmlSink(`${SAMPLE};${SAMPLE}`)).toThrow('found 2');
    expect(() => removeInnerHtmlSink(`${SAMPLE};e.innerHTML=s`)).toThrow('preact still assigns innerHTML');
  });

  test('works on the installed preact', () => {
    const code = readFileSync(new URL('../../node_modules/preact/dist/preact.mjs', import.meta.url), 'utf8');
    const out = removeInnerHtmlSink(code);
    expect(out).not.toMatch(/\.innerHTML\s*=[^=]/);
    expect(out).toContain('(()=>{throw Error("dangerouslySetInnerHTML")})()');
  });
});
