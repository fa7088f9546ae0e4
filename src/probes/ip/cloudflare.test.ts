import { describe, expect, it } from 'vitest';
import { parseCloudflareTrace, parseTrace } from './cloudflare';
import { CAPTIVE_PORTAL, CLOUDFLARE_TRACE } from './samples';

describe('parseCloudflareTrace', () => {
  it('reads ip and loc from the trace', () => {
    expect(parseCloudflareTrace(CLOUDFLARE_TRACE, 'text/plain', 4)).toEqual({
      ok: true,
      value: { ip: '185.65.134.77', meta: { country: 'SE' } },
    });
  });

  it('copes with CRLF line ends', () => {
    expect(parseCloudflareTrace(CLOUDFLARE_TRACE.replace(/\n/g, '\r\n'), 'text/plain', 4)).toEqual({
      ok: true,
      value: { ip: '185.65.134.77', meta: { country: 'SE' } },
    });
  });

  it('says no country for XX and T1 (Tor), and ignores warp', () => {
    for (const loc of ['XX', 'T1', '']) {
      const body = CLOUDFLARE_TRACE.replace('loc=SE', `loc=${loc}`).replace('warp=off', 'warp=on');
      expect(parseCloudflareTrace(body, 'text/plain', 4)).toEqual({ ok: true, value: { ip: '185.65.134.77', meta: {} } });
    }
  });

  it('keeps the first value of a repeated key, so an appended line cannot override it', () => {
    expect(parseTrace('ip=185.65.134.77\nip=10.0.0.1\n').get('ip')).toBe('185.65.134.77');
  });

  it('rejects answers without an ip line, of the other family, or private', () => {
    expect(parseCloudflareTrace(CAPTIVE_PORTAL, 'text/html', 4)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'ip' } });
    expect(parseCloudflareTrace('ip=2606:4700::1\nloc=US\n', 'text/plain', 4)).toMatchObject({
      ok: false,
      problem: { code: 'wrong-family' },
    });
    expect(parseCloudflareTrace('ip=172.16.0.3\n', 'text/plain', 4)).toMatchObject({ ok: false, problem: { code: 'not-public' } });
    expect(parseCloudflareTrace('ip=185.65.134.77 \n', 'text/plain', 4)).toMatchObject({ ok: true });
    expect(parseCloudflareTrace(`ip=185.65.134.77\n${'x'.repeat(70_000)}`, 'text/plain', 4)).toMatchObject({
      ok: false,
      problem: { code: 'too-large' },
    });
  });
});
