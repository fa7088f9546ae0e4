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

describe('parseTrace', () => {
  it('keeps lowercase keys of 1 to 32 letters or _, with a value of at most 256 characters', () => {
    const body = ['a=1', '=2', 'B=3', 'k9=4', 'x_y=5', `${'z'.repeat(33)}=6`, `${'y'.repeat(32)}=7`, `v=${'w'.repeat(300)}`, 'e=', 'noeq'];
    expect([...parseTrace(body.join('\n'))]).toEqual([
      ['a', '1'],
      ['x_y', '5'],
      ['y'.repeat(32), '7'],
      ['v', 'w'.repeat(256)],
      ['e', ''],
    ]);
  });

  it('strips only the carriage return that ends a line', () => {
    expect(parseTrace('a=\rb\r\n').get('a')).toBe('\rb');
  });

  it('reads the first 64 lines only', () => {
    const filler = Array.from({ length: 63 }, () => 'f=1');
    expect(parseTrace([...filler, 'ip=185.65.134.77'].join('\n')).get('ip')).toBe('185.65.134.77');
    expect(parseTrace([...filler, 'f=1', 'ip=185.65.134.77'].join('\n')).get('ip')).toBeUndefined();
  });
});

describe('parseCloudflareTrace bounds', () => {
  it('takes a body of exactly 64 KiB, not a non-string', () => {
    const head = 'ip=185.65.134.77\nloc=se\n';
    const body = head + 'x'.repeat(64 * 1024 - head.length);
    expect(parseCloudflareTrace(body, 'text/plain', 4)).toEqual({ ok: true, value: { ip: '185.65.134.77', meta: { country: 'SE' } } });
    expect(parseCloudflareTrace(7 as unknown as string, 'text/plain', 4)).toEqual({ ok: false, problem: { code: 'bad-shape' } });
  });
});
