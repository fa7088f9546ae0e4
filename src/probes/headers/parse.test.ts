import { describe, expect, it } from 'vitest';
import { parseHeadersEcho } from './parse';

const echo = (headers: unknown, ip = '11.22.33.44') => JSON.stringify({ ip, headers });

describe('parseHeadersEcho', () => {
  it('reads what the server echoes: names as usually written, values as text, client addresses', () => {
    const body = echo([
      { name: 'via', value: '1.1 proxy.corp.example (squid/5.7)' },
      { name: 'x-forwarded-for', value: '84.171.20.7, 10.1.2.3' },
      { name: 'cf-connecting-ip', value: '2a02:8109::1' },
    ]);
    expect(parseHeadersEcho(body)).toEqual({
      ok: true,
      value: [
        { name: 'Via', value: '1.1 proxy.corp.example (squid/5.7)', ips: [] },
        { name: 'X-Forwarded-For', value: '84.171.20.7, 10.1.2.3', ips: ['84.171.20.7', '10.1.2.3'] },
        { name: 'CF-Connecting-IP', value: '2a02:8109::1', ips: ['2a02:8109::1'] },
      ],
    });
  });

  it('says none were added when none were', () => {
    expect(parseHeadersEcho(echo([]))).toEqual({ ok: true, value: [] });
  });

  it('ignores names this build does not know, repeats, and values that are empty once made plain text', () => {
    const body = echo([
      { name: 'cookie', value: 'secret=1' },
      { name: 'X-Real-IP', value: '84.171.20.7' },
      { name: 'x-real-ip', value: '198.51.100.1' },
      { name: 'via', value: '\u0000\u200b\n' },
    ]);
    expect(parseHeadersEcho(body)).toEqual({ ok: true, value: [{ name: 'X-Real-IP', value: '84.171.20.7', ips: ['84.171.20.7'] }] });
  });

  it('makes control, bidi and line-separator characters harmless', () => {
    const body = echo([{ name: 'via', value: '1.1 evil\nNo proxy headers\u202e added\u2028' }]);
    expect(parseHeadersEcho(body)).toEqual({ ok: true, value: [{ name: 'Via', value: '1.1 evil No proxy headers added', ips: [] }] });
  });

  it('refuses answers our server cannot have given: longer values, more entries than it echoes, other shapes', () => {
    const long = echo([{ name: 'via', value: 'v'.repeat(257) }]);
    expect(parseHeadersEcho(long)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'headers.0.value' } });
    expect(parseHeadersEcho(echo([{ name: 'via', value: 'v'.repeat(256) }]))).toMatchObject({
      ok: true,
      value: [{ value: 'v'.repeat(256) }],
    });
    const many = echo(Array.from({ length: 16 }, () => ({ name: 'via', value: 'x' })));
    expect(parseHeadersEcho(many)).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'headers' } });
    expect(parseHeadersEcho(echo({ via: 'x' }))).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'headers' } });
    expect(parseHeadersEcho(echo([{ name: 'via', value: 7 }]))).toEqual({
      ok: false,
      problem: { code: 'bad-shape', detail: 'headers.0.value' },
    });
    expect(parseHeadersEcho(JSON.stringify([]))).toEqual({ ok: false, problem: { code: 'bad-shape', detail: 'expected unknown' } });
    expect(parseHeadersEcho('<html>Log in</html>')).toEqual({ ok: false, problem: { code: 'not-json' } });
    expect(parseHeadersEcho(`{"headers":[],"pad":"${'x'.repeat(70_000)}"}`)).toEqual({ ok: false, problem: { code: 'too-large' } });
  });
});
