import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, REASON_CODES, REASON_PARAMS } from '../model';
import { codeKey } from './codes';
import type { MessageEntry } from './format';
import { listLocales, loadMessages } from './test-messages';

const EXPECTED = ['cs', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR', 'ru', 'tr', 'zh_CN'];
const en = loadMessages('en');

/** The substitutions a message really uses: its `$name$` placeholders mapped to `$n`, plus any direct `$n`. */
function substitutions(entry: MessageEntry): string[] {
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  const named = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map(
    (m) => placeholders[(m[1] ?? '').toLowerCase()] ?? `missing:${m[1]}`,
  );
  const direct = entry.message.replace(/\$[A-Za-z0-9_]+\$/g, '').match(/\$[1-9]/g) ?? [];
  return [...new Set([...named, ...direct])].sort();
}

describe('locales', () => {
  it('has every language whoer.net offers, English first', () => {
    expect(listLocales()).toEqual(EXPECTED);
  });

  it('names messages only with [A-Za-z0-9_], which Chrome requires', () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('has a message for every problem and every reason, with as many placeholders as the reason has params', () => {
    for (const code of PROBLEM_CODES) expect(en[codeKey('problem', code)]?.message, code).toBeTruthy();
    for (const code of REASON_CODES) {
      const entry = en[codeKey('reason', code)];
      expect(entry?.message, code).toBeTruthy();
      if (entry) expect(substitutions(entry), code).toEqual(REASON_PARAMS[code].map((_, i) => `$${i + 1}`));
    }
  });

  it('keeps the name and the package description for the manifest', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { description: string };
    expect(en.extName?.message).toBe('Leakless');
    expect(en.extDescription?.message).toBe(pkg.description);
  });

  for (const locale of EXPECTED.filter((l) => l !== 'en')) {
    it(`${locale}: same keys and the same substitutions as English, no empty message`, () => {
      const messages = loadMessages(locale);
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      for (const [key, entry] of Object.entries(en)) {
        const translated = messages[key];
        expect(translated?.message.trim(), `${locale}.${key}`).toBeTruthy();
        if (translated) expect(substitutions(translated), `${locale}.${key}`).toEqual(substitutions(entry));
      }
      // A translation far longer than the English one does not fit the store listing or the fixed popup.
      expect(messages.extDescription?.message.length ?? 0).toBeLessThanOrEqual(200);
    });
  }
});

describe('no hard-coded words in the pages', () => {
  const files = ['src/popup', 'src/options', 'src/audit'].flatMap((dir) =>
    readdirSync(join(process.cwd(), dir))
      .filter((name) => name.endsWith('.tsx') && !name.includes('.test.'))
      .map((name) => join(process.cwd(), dir, name)),
  );

  it('finds the page sources', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it('has no JSX text that looks like words: all of it goes through t()', () => {
    const offenders = files.flatMap((file) => {
      // The brief's regex, except that `=>` (as in `() => Promise<void>`) is an arrow, not the end of a tag.
      const hits = readFileSync(file, 'utf8').match(/(?<!=)>\s*[A-Za-z][A-Za-z ]{2,}\s*</g) ?? [];
      return hits.map((hit) => `${file}: ${hit}`);
    });
    expect(offenders).toEqual([]);
  });
});
