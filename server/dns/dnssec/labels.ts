/**
 * The DNSSEC check's names: one label under the zone (so the zone's wildcard certificate covers them), a fresh
 * random part per check so no cache holds them, and a hyphen, so they never look like a token (TOKEN_RE) or any
 * fixed name. `dnssec-ok-…` is signed correctly; `dnssec-bad-…` carries a signature that does not verify.
 */
export const DNSSEC_LABEL_RE = /^dnssec-(ok|bad)-[a-z0-9]{16,32}$/;
export const DNSSEC_BROKEN = 'dnssec-bad-';
