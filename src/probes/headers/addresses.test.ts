import { describe, expect, it } from 'vitest';
import { clientAddresses } from './addresses';

describe('clientAddresses', () => {
  it.each([
    // X-Forwarded-For: a list, client first, each proxy appending the address it saw.
    ['x-forwarded-for', '84.171.20.7', ['84.171.20.7']],
    ['x-forwarded-for', '84.171.20.7, 10.0.0.2,  198.51.100.9', ['84.171.20.7', '10.0.0.2', '198.51.100.9']],
    ['x-forwarded-for', '84.171.20.7:51234, [2001:db8::7]:443, 2a02:8109:0:0::1', ['84.171.20.7', '2001:db8::7', '2a02:8109::1']],
    ['x-forwarded-for', 'unknown, 84.171.20.7, 84.171.20.7', ['84.171.20.7']],
    ['x-forwarded-for', '::ffff:84.171.20.7', ['84.171.20.7']],
    // Only dotted decimal: "127.1", hex and octal forms smuggle another address past a reader.
    ['x-forwarded-for', '0x54.171.20.7, 084.171.20.7, 84.171.20, fe80::1%eth0', []],
    // Half a quoted string, or junk before or after an address with a port: a reader that strips or searches
    // would find an address inside each of these; there is none.
    ['x-forwarded-for', '84.171.20.7", "84.171.20.71, ", x84.171.20.7:80, 84.171.20.7:80x, x[2001:db8::1], [2001:db8::1]junk', []],
    ['x-real-ip', '84.171.20.7', ['84.171.20.7']],
    ['client-ip', '2A02:8109::1', ['2a02:8109::1']],
    ['true-client-ip', ' 84.171.20.7 ', ['84.171.20.7']],
    ['x-client-ip', '84.171.20.7', ['84.171.20.7']],
    ['x-cluster-client-ip', '84.171.20.7', ['84.171.20.7']],
    ['x-originating-ip', '[84.171.20.7]', ['84.171.20.7']],
    ['cf-connecting-ip', '84.171.20.7', ['84.171.20.7']],
    ['fastly-client-ip', '84.171.20.7', ['84.171.20.7']],
  ] as const)('%s: %s', (name, value, expected) => {
    expect(clientAddresses(name, value)).toEqual(expected);
  });

  it.each([
    // RFC 7239 §7.4's examples, and its quoted IPv6 with a port.
    ['for="_gazonk"', []],
    ['For="[2001:db8:cafe::17]:4711"', ['2001:db8:cafe::17']],
    ['for=192.0.2.60;proto=http;by=203.0.113.43', ['192.0.2.60']],
    ['for=192.0.2.43, for=198.51.100.17', ['192.0.2.43', '198.51.100.17']],
    ['for=unknown;by=84.171.20.7', []],
    ['proto=https; for="84.171.20.7:5000" ; host=example.org', ['84.171.20.7']],
    // A separator inside a quoted string belongs to the value, and names no address of its own.
    ['for="84.171.20.7,for=198.51.100.1";by=x', []],
    ['for="[2001:db8::1', []],
    ['for=[2001:db8::1]', ['2001:db8::1']],
    // A quoted-pair stands for the character after the backslash.
    ['for="84.171.20.\\7"', ['84.171.20.7']],
  ] as const)('forwarded: %s', (value, expected) => {
    expect(clientAddresses('forwarded', value)).toEqual(expected);
  });

  it('reads no address from headers that name the proxy or the site, not the client', () => {
    for (const name of ['via', 'x-forwarded-host', 'x-forwarded-proto', 'x-proxy-id', 'x-bluecoat-via'] as const) {
      expect(clientAddresses(name, '1.1 84.171.20.7:3128')).toEqual([]);
      expect(clientAddresses(name, '84.171.20.7')).toEqual([]);
    }
  });
});
