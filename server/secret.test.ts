import { describe, expect, it } from 'vitest';
import { labelFor, SECRET_RE } from './secret.ts';

describe('labelFor', () => {
  it('is the first 128 bits of SHA-256 in hex: the vector the extension tests too', () => {
    expect(labelFor('abcdefghijklmnopqrstuvwxyz012345')).toBe('a5259b68b41d459e8fab9d4607337b0d');
    expect(labelFor('0123456789abcdef')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('accepts 16 to 63 lowercase letters and digits as a secret', () => {
    for (const ok of ['a'.repeat(16), `${'z9'.repeat(31)}x`]) expect(SECRET_RE.test(ok), ok).toBe(true);
    for (const bad of ['a'.repeat(15), 'a'.repeat(64), `${'a'.repeat(16)}A`, `${'a'.repeat(16)}-`, '']) {
      expect(SECRET_RE.test(bad), bad).toBe(false);
    }
  });
});
