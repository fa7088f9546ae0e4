import { describe, expect, it } from 'vitest';
import { decide } from '../verdict';
import { CLEAN, failed, ip } from '../verdict/fixtures';
import { ipOnlyLeaks, monitorVerdict } from './verdict';

describe('monitorVerdict', () => {
  it('is decide() where the background checks WebRTC (Firefox)', () => {
    expect(monitorVerdict(CLEAN, true)).toEqual(decide(CLEAN));
    expect(monitorVerdict({ ...CLEAN, webrtc: failed() }, true).level).toBe('unknown');
  });

  it('leaves WebRTC out where it cannot (Chrome): never "can\'t tell" for it, and never a WebRTC leak', () => {
    const noRtc = { ...CLEAN, webrtc: failed('unavailable') };
    expect(monitorVerdict(noRtc, false).level).toBe('clean');
    expect(monitorVerdict(noRtc, false).reasons.map((r) => r.code)).not.toContain('webrtc-unknown');
  });

  it('still says "can\'t tell" for what it did check', () => {
    expect(monitorVerdict({ ...CLEAN, dns: failed() }, false).level).toBe('unknown');
    expect(monitorVerdict({ ...CLEAN, ipv4: failed() }, false).level).toBe('unknown');
  });

  it('still finds a leak', () => {
    const v6 = ip(6, '2003:e5:1::99', { country: 'DE', organization: 'Home ISP', asn: 3320 });
    expect(monitorVerdict({ ...CLEAN, ipv6: v6 }, false).level).toBe('leak');
    expect(ipOnlyLeaks({ ipv4: CLEAN.ipv4, ipv6: v6 })).toEqual(['ipv6-other-network:Home ISP,M247 Europe SRL']);
    expect(ipOnlyLeaks(CLEAN)).toEqual([]);
  });
});
