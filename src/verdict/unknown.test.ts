// What is unknown, while parts are still pending: literal reasons.
import { describe, expect, it } from 'vitest';
import { decide } from '.';
import { absent, CLEAN, failed, pending } from './fixtures';
import { unknownReasons } from './rules';

describe('unknownReasons', () => {
  it('no exit at all is unknown only once both families settled', () => {
    const none = { ...CLEAN, ipv4: absent(4), ipv6: absent(6) };
    expect(unknownReasons(none)).toEqual([{ code: 'ip-unknown', params: ['4'], severity: 'warning' }]);
    expect(unknownReasons({ ...none, ipv4: pending })).toEqual([]);
    expect(unknownReasons({ ...none, ipv6: pending })).toEqual([]);
  });

  it('DNS and WebRTC failures, with empty params', () => {
    expect(unknownReasons({ ...CLEAN, dns: failed(), webrtc: failed() })).toEqual([
      { code: 'dns-unknown', params: [], severity: 'warning' },
      { code: 'webrtc-unknown', params: [], severity: 'warning' },
    ]);
    expect(unknownReasons({ ...CLEAN, ipv4: failed(), ipv6: failed() })).toEqual([
      { code: 'ip-unknown', params: ['4'], severity: 'warning' },
      { code: 'ip-unknown', params: ['6'], severity: 'warning' },
    ]);
  });

  it('the verdict keeps them after leaks and warnings', () => {
    expect(decide({ ...CLEAN, dns: failed() }).reasons).toEqual([{ code: 'dns-unknown', params: [], severity: 'warning' }]);
  });
});
