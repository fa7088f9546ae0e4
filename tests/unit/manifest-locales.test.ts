import { describe, expect, test } from 'vitest';
import base from '../../manifest.json' with { type: 'json' };
import { localeProblems, readLocales } from '../../scripts/check-manifest';
import { buildRegistry } from '../../src/endpoints/registry';
import { makeManifest } from '../../src/manifest/derive';

const pkg = { displayName: 'Leakless', version: '1.0.0', description: 'd' };
const manifest = makeManifest({ base, pkg, registry: buildRegistry(null), target: 'firefox' });
const locales = readLocales('public/_locales');

describe('localised name and description', () => {
  test('the manifests name their messages, and all 13 locales fit the store limits', () => {
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.description).toBe('__MSG_extDescription__');
    expect(Object.keys(locales).sort()).toEqual(['cs', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt_BR', 'ru', 'tr', 'zh_CN']);
    expect(localeProblems(manifest, locales)).toEqual([]);
  });

  test('a literal name, a missing default locale or a description over 132 characters fails', () => {
    expect(localeProblems({ ...manifest, name: 'Leakless', default_locale: undefined }, locales)).toEqual([
      'name is not __MSG_extName__',
      'default_locale missing',
    ]);
    const long = { ...locales, tr: { ...locales.tr, extDescription: { message: 'x'.repeat(133) } } };
    expect(localeProblems(manifest, long)).toEqual(['tr: extDescription missing or over 132 characters']);
  });
});
