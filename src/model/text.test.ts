import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainText, plainText } from './text';

describe('plainText', () => {
  it.each([
    ['Evil\nNo leak found', 'Evil No leak found'],
    ['Evil\r\n\r\nIPv4: 1.2.3.4', 'Evil IPv4: 1.2.3.4'],
    ['ACME \u202eevil\u202c Ltd', 'ACME evil Ltd'],
    ['zero\u200bwidth\ufeff', 'zero width'],
    ['line\u2028separator\u2029paragraph', 'line separator paragraph'],
    ['  tab\there\u0000nul\u007fdel\u0085nel  ', 'tab here nul del nel'],
    ['Hetzner Online GmbH', 'Hetzner Online GmbH'],
    ['Zürich', 'Zürich'],
    ['東京都', '東京都'],
    ['\u200f\u200e', ''],
  ])('%j → %j', (input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  it('caps the length in code points, never splitting a surrogate pair', () => {
    expect(plainText('ab😀cd', 3)).toBe('ab😀');
    expect(plainText('abc def', 4)).toBe('abc');
  });

  it('always gives one line with no unsafe character, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const out = plainText(s);
        expect(out).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u);
        expect([...out].length).toBeLessThanOrEqual(200);
        expect(plainText(out)).toBe(out);
        expect(isPlainText(out)).toBe(true);
      }),
    );
  });

  it('isPlainText refuses what plainText would change', () => {
    expect(isPlainText('Evil\nNo leak found')).toBe(false);
    expect(isPlainText('a\u202eb')).toBe(false);
    expect(isPlainText(' padded')).toBe(false);
    expect(isPlainText(42)).toBe(false);
    expect(isPlainText('Mullvad VPN AB')).toBe(true);
  });
});
