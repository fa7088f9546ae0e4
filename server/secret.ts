import { createHash } from 'node:crypto';

/**
 * The read secret. The extension picks a random secret, resolves `<labelFor(secret)>.Z`, and reads
 * `/dns/<secret>`. Only the label travels in plain DNS and in the TLS server name; the secret travels
 * inside TLS, and the label cannot be turned back into it. So seeing the name is not enough to read
 * the result. The extension computes the same function (src/probes/dns/leakless.ts); both sides test
 * the same literal vector.
 */
export const SECRET_RE = /^[a-z0-9]{16,63}$/;

const CONTEXT = 'leakless-dns-label-v1:';

/** 32 hex characters (128 bits) of SHA-256: a valid token label. */
export function labelFor(secret: string): string {
  return createHash('sha256')
    .update(CONTEXT + secret)
    .digest('hex')
    .slice(0, 32);
}
