import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const root = new URL('../../../', import.meta.url);
/** The release build, as the stores get it (no check server compiled in, no test hooks). */
export const DIST = {
  chrome: new URL('dist/chrome', root).pathname,
  firefox: new URL('dist/firefox', root).pathname,
};

export const DIST_TEST = {
  chrome: new URL('dist-test/chrome', root).pathname,
  firefox: new URL('dist-test/firefox', root).pathname,
};

/** Chromium derives an unpacked extension's id from the manifest `key`: sha256 of the DER key, a–p for 0–f. */
export function chromiumExtensionId(): string {
  const der = Buffer.from(readFileSync(new URL('tests/fixtures/chrome-test-key.txt', root), 'utf8').trim(), 'base64');
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** Firefox takes the internal UUID from the `extensions.webextensions.uuids` pref; fixed here. */
export const FIREFOX_UUID = '6c1e2a57-0b8e-4c52-9d2f-1e5a1eafe55e';
