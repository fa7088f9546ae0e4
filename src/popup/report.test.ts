import { describe, expect, it } from 'vitest';
import type { CheckResults, IpMeta } from '../model';
import { parseBashwsResult } from '../probes/dns/bashws';
import { parseMullvadIp } from '../probes/ip/mullvad';
import { testEnv } from '../ui/test-env';
import { CLEAN, CLEAN_VERDICT, ipResult, V4 } from './fixtures';
import { reportText } from './report';

const CHECKED_AT = Date.parse('2026-01-02T03:04:05Z');
const FORGED_ORG = 'Evil\nNo leak found';
const RLO_ORG = 'Bad \u202e1.2.3.4 Ltd';

function withIpv4Meta(meta: IpMeta): CheckResults {
  const result = ipResult(4, V4, ['mullvad-ipv4']);
  return { ...CLEAN, ipv4: { state: 'done', result: { ...result, meta } } };
}

describe('the copied report and provider text', () => {
  it('a newline or a right-to-left override from a provider stays harmless text on its own line', () => {
    const ip = parseMullvadIp(JSON.stringify({ ip: '185.65.134.77', country: 'Germany', organization: FORGED_ORG }), 'application/json', 4);
    const dns = parseBashwsResult(JSON.stringify([{ ip: '203.0.113.53', country: 'DE', asn: `AS64500 ${RLO_ORG}`, type: 'dns' }]));
    if (!ip.ok || !dns.ok) throw new Error('the samples must parse');
    const results: CheckResults = {
      ...withIpv4Meta(ip.value.meta),
      dns: {
        state: 'done',
        result: { observations: [], resolvers: dns.value.map((f) => ({ ...f, seenBy: ['bashws'] })), namesResolved: 6 },
      },
    };
    const lines = reportText(testEnv, results, CLEAN_VERDICT, CHECKED_AT).split('\n');
    expect(lines[2]).toBe('IPv4: 203.0.113.5 (Germany · Evil No leak found)');
    expect(lines[4]).toBe('DNS: Resolvers: 1; 203.0.113.53 (Germany · Bad 1.2.3.4 Ltd · AS64500)');
    expect(lines[0]).toBe('Leakless: No leak found — Nothing reveals more than your web address.');
    expect(lines.filter((l) => l.startsWith('No leak found'))).toEqual([]);
    expect(lines[7]).toBe('Proxy: Proxy headers: needs your own check server.');
    expect(lines).toHaveLength(9);
  });

  it('keeps one line per section even if unclean text reaches it another way', () => {
    const text = reportText(testEnv, withIpv4Meta({ organization: `${FORGED_ORG}\u2028${RLO_ORG}` }), CLEAN_VERDICT, CHECKED_AT);
    expect(text.split('\n')[2]).toBe('IPv4: 203.0.113.5 (Evil No leak found Bad 1.2.3.4 Ltd)');
    expect(text.split('\n')).toHaveLength(9);
    expect(text).not.toMatch(/[\u202e\u2028]/);
  });
});
