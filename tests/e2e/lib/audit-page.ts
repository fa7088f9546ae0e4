import { expect } from 'vitest';

/** What the self-audit page shows: its one-line result and its findings as `code: text`. */
export interface AuditView {
  text: string;
  findings: string[];
}

/** Runs in the audit page once it has loaded (main[aria-busy=false]). */
export function readAuditPage(): AuditView {
  return {
    text: document.querySelector('[data-testid="audit-result"]')?.textContent ?? '',
    findings: [...document.querySelectorAll('[data-testid="audit-findings"] li')].map(
      (li) => `${li.getAttribute('data-code')}: ${li.textContent}`,
    ),
  };
}

export const auditPageReady = () => document.querySelector('main')?.getAttribute('aria-busy') === 'false';

/** The hosts of the test build's planted requests (src/test-support/rogue.ts): a page fetch, an image, a background fetch. */
export const ROGUE_HOSTS = ['fetch.rogue.leakless.test', 'img.rogue.leakless.test', 'bg.rogue.leakless.test'];

/** Every planted request is reported as a blocked attempt, and the audit no longer passes. */
export function expectRoguesReported(audit: AuditView): void {
  const violations = audit.findings.filter((f) => f.startsWith('csp-violation'));
  for (const host of ROGUE_HOSTS)
    expect(
      violations.some((f) => f.includes(host)),
      `${host} in ${JSON.stringify(audit.findings)}`,
    ).toBe(true);
  expect(audit.text).not.toMatch(/^Pass/);
}
