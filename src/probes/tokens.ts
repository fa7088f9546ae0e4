/** A source of cryptographically random bytes, injected so tests can be deterministic. */
export type RandomBytes = (n: number) => Uint8Array;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
// The largest multiple of 36 that fits a byte: bytes at or above it are dropped, so every character is equally likely.
const LIMIT = 252;
const MAX_ROUNDS = 64;

export const webRandomBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

function take(randomBytes: RandomBytes, n: number): Uint8Array {
  const bytes = randomBytes(n);
  if (!(bytes instanceof Uint8Array) || bytes.length < n) throw new Error('randomBytes returned too few bytes');
  return bytes;
}

/**
 * A random [a-z0-9] string, usable as one DNS label (1–63 chars). 32 chars carry ~165 bits.
 * Lowercase only: resolvers may randomise the case of a name (0x20 encoding).
 */
export function randomToken(length = 32, randomBytes: RandomBytes = webRandomBytes): string {
  if (!Number.isInteger(length) || length < 1 || length > 63) throw new RangeError('token length must be 1..63');
  let out = '';
  for (let round = 0; out.length < length; round++) {
    if (round >= MAX_ROUNDS) throw new Error('randomBytes looks broken');
    for (const b of take(randomBytes, length - out.length + 8)) {
      if (b < LIMIT && out.length < length) out += ALPHABET.charAt(b % 36);
    }
  }
  return out;
}

/** A random (version 4) UUID, lowercase, as Mullvad's DNS check expects in the host name. */
export function uuidV4(randomBytes: RandomBytes = webRandomBytes): string {
  const b = take(randomBytes, 16).slice(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Random bytes drawn from a token source (the probes get `randomToken` injected, not bytes).
 * Characters a–z and 0–5 (32 of the 36) are kept and give 4 uniform bits each; the rest are dropped.
 */
export function bytesFromTokens(token: (length: number) => string): RandomBytes {
  return (n) => {
    const nibbles: number[] = [];
    for (let round = 0; nibbles.length < 2 * n; round++) {
      if (round >= MAX_ROUNDS) throw new Error('token source looks broken');
      for (const ch of token(32)) {
        const i = ALPHABET.indexOf(ch);
        if (i >= 0 && i < 32) nibbles.push(i & 15);
      }
    }
    return Uint8Array.from({ length: n }, (_, k) => ((nibbles[2 * k] ?? 0) << 4) | (nibbles[2 * k + 1] ?? 0));
  };
}
