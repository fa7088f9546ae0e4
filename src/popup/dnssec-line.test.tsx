// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { DnsResult, DnssecCheck } from '../model';
import { renderWithEnv } from '../ui/test-env';
import { DnsBody } from './bodies';

const own = { endpointId: 'leakless-dns', outcome: { ok: true, value: [] }, ms: 30 } as const;
const result = (dnssec?: DnssecCheck, observations: DnsResult['observations'] = [own]): DnsResult => ({
  observations,
  resolvers: [],
  namesResolved: 6,
  ...(dnssec ? { dnssec } : {}),
});
const line = (r: DnsResult) => {
  renderWithEnv(<DnsBody result={r} />);
  const text = screen.getByTestId('dns-dnssec').textContent;
  cleanup();
  return text;
};

afterEach(cleanup);

describe('the DNSSEC line of the DNS section', () => {
  it('says yes, no or can’t tell from the check, and that it needs our server without one', () => {
    expect(line(result({ validates: true }))).toBe('Your resolver checks DNSSEC: yes.');
    expect(line(result({ validates: false }))).toBe('Your resolver checks DNSSEC: no.');
    expect(line(result({ validates: null, problem: { code: 'timeout' } }))).toBe("Your resolver checks DNSSEC: can't tell.");
    expect(line(result(undefined, [{ ...own, endpointId: 'mullvad-dns' }]))).toBe(
      'Your resolver checks DNSSEC: needs your own check server.',
    );
    expect(line(result())).toBe('Checking…');
  });
});
