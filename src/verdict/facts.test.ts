// The verdict's comparisons, one function at a time, with literal answers.
import { describe, expect, it } from 'vitest';
import {
  ipUnknown,
  type Network,
  networksComparable,
  networksDiffer,
  otherCountry,
  otherOperator,
  resultOf,
  sameIp,
  sameOperator,
} from './facts';
import { absent, failed, ip, pending } from './fixtures';

describe('small facts', () => {
  it('resultOf: only a done state has a result', () => {
    expect(resultOf(ip(4, '1.1.1.1'))).toMatchObject({ ip: '1.1.1.1' });
    expect(resultOf(pending)).toBeNull();
    expect(resultOf(failed())).toBeNull();
  });

  it('sameIp: canonical addresses compare; non-addresses compare without case', () => {
    expect(sameIp('2A03:1B20::1', '2a03:1b20:0:0::1')).toBe(true);
    expect(sameIp('::ffff:1.2.3.4', '1.2.3.4')).toBe(true);
    expect(sameIp('1.2.3.4', '1.2.3.5')).toBe(false);
    expect(sameIp('Host.Example', 'host.example')).toBe(true);
    expect(sameIp('host.example', 'HOST.EXAMPLE')).toBe(true);
    expect(sameIp('a.example', 'b.example')).toBe(false);
    expect(sameIp('1.2.3.4', 'x')).toBe(false);
  });

  it('ipUnknown: failed, or done without an address that is not simply absent', () => {
    expect(ipUnknown(failed())).toBe(true);
    expect(ipUnknown(ip(4, null))).toBe(true);
    expect(ipUnknown(absent(6))).toBe(false);
    expect(ipUnknown(ip(4, '1.1.1.1'))).toBe(false);
    expect(ipUnknown(pending)).toBe(false);
  });

  it('otherCountry: both known, different, without case or spaces', () => {
    expect(otherCountry({ country: 'ch' }, { country: ' CH ' })).toBe(false);
    expect(otherCountry({ country: 'DE' }, { country: 'CH' })).toBe(true);
    expect(otherCountry({ country: 'DE' }, {})).toBe(false);
    expect(otherCountry({}, { country: 'DE' })).toBe(false);
    expect(otherCountry({ country: ' ' }, { country: 'DE' })).toBe(false);
  });
});

const M = (organization?: string, asn?: number): Network => ({
  ...(organization === undefined ? {} : { organization }),
  ...(asn === undefined ? {} : { asn }),
});

describe('operators', () => {
  // [a, b, sameOperator, otherOperator]
  const rows: [string, Network, Network, boolean, boolean][] = [
    ['same ASN, other names', M('M247 Ltd', 9009), M('Swisscom', 9009), true, false],
    ['other ASN, other names', M('Swisscom', 3303), M('M247', 9009), false, true],
    ['other ASN, same name', M('M247 Ltd', 60068), M('M247 Europe SRL', 9009), false, false],
    ['other ASN, no names', M(undefined, 3303), M(undefined, 9009), false, true],
    ['ASN on one side, same name', M('M247', 9009), M('m247'), true, false],
    ['ASN on one side, other name', M('Swisscom', 3303), M('M247'), false, true],
    ['ASN on the other side, other name', M('M247'), M('Swisscom', 3303), false, true],
    ['ASN on one side, no name on the other', M('Swisscom', 3303), M(undefined), false, false],
    ['nothing known', M(), M(), false, false],
    ['legal forms differ', M('M247 Europe SRL'), M('M247 Ltd.'), true, false],
    ['one name inside the other', M('Telia Company'), M('The Telia'), true, false],
    ['the other name inside the one', M('The Telia'), M('Telia Company'), true, false],
    ['first words differ, no containment', M('Deutsche Telekom'), M('Vodafone GmbH'), false, true],
    ['punctuation and spacing', M('  Init7 (Switzerland)  AG '), M('init7, switzerland'), true, false],
    ['only legal forms: no name at all', M('Ltd'), M('GmbH'), false, false],
    ['only legal forms on one side', M('Ltd.'), M('Swisscom'), false, false],
    ['names that differ only after the first word', M('Hetzner Online'), M('Hetzner Cloud'), true, false],
    ['contained, but a different first word', M('Global Swisscom'), M('Swisscom'), true, false],
    ['the other contains the one, with another first word', M('Swisscom'), M('Global Swisscom'), true, false],
    ['digits count as words', M('1337 Services'), M('1337'), true, false],
  ];
  it.each(rows)('%s', (_, a, b, same, other) => {
    expect(sameOperator(a, b)).toBe(same);
    expect(otherOperator(a, b)).toBe(other);
  });

  it('words are split on any punctuation and non-breaking runs of spaces', () => {
    expect(sameOperator(M('a-b'), M('x a'))).toBe(false);
    expect(otherOperator(M('Foo.Bar'), M('bar'))).toBe(false);
    expect(otherOperator(M('Foo\t\tBar'), M('Baz Bar'))).toBe(true);
    expect(otherOperator(M('ab'), M('Ab'))).toBe(false);
    expect(otherOperator(M('Telekom'), M('Deutsche Telekom'))).toBe(false);
  });
});

describe('networks of two exits', () => {
  // [a, b, comparable, differ]
  const rows: [string, object, object, boolean, boolean][] = [
    ['nothing known', {}, {}, false, false],
    ['vpnExit differs', { vpnExit: true }, { vpnExit: false }, true, true],
    ['vpnExit differs, same ASN', { vpnExit: false, asn: 1 }, { vpnExit: true, asn: 1 }, true, true],
    ['vpnExit on one side only', { vpnExit: true }, {}, false, false],
    ['vpnExit on one side only, other ASN', { vpnExit: true, asn: 2 }, { asn: 1 }, true, true],
    ['vpnExit same, other ASN', { vpnExit: true, asn: 2 }, { vpnExit: true, asn: 1 }, true, true],
    ['vpnExit same, nothing else', { vpnExit: false }, { vpnExit: false }, true, false],
    ['same ASN', { asn: 9009 }, { asn: 9009 }, true, false],
    ['other ASN', { asn: 9009 }, { asn: 3303 }, true, true],
    ['other ASN, same organization', { asn: 9009, organization: 'M247' }, { asn: 60068, organization: 'M247 Ltd' }, true, false],
    ['ASN one side, organizations differ', { asn: 9009, organization: 'M247' }, { organization: 'Swisscom' }, true, true],
    ['ASN one side, same organization', { asn: 9009, organization: 'M247 Ltd' }, { organization: 'M247 Europe SRL' }, true, false],
    ['organizations only, same', { organization: 'M247' }, { organization: ' m247 ' }, true, false],
    ['organizations only, differ', { organization: 'M247' }, { organization: 'Swisscom' }, true, true],
    ['organization on one side, countries differ', { organization: 'M247', country: 'CH' }, { country: 'DE' }, true, true],
    ['countries only, differ', { country: 'CH' }, { country: 'de' }, true, true],
    ['countries only, same', { country: 'CH' }, { country: ' ch' }, true, false],
    ['a blank organization is not a fact', { organization: '  ' }, { organization: 'M247' }, false, false],
    ['a blank country is not a fact', { country: ' ' }, { country: 'CH' }, false, false],
    ['ASN on one side only', { asn: 1 }, {}, false, false],
    ['organization on one side only', {}, { organization: 'M247' }, false, false],
    [
      'legal forms only: comparable by name, decided by country',
      { organization: 'Ltd', country: 'CH' },
      { organization: 'AG', country: 'DE' },
      true,
      true,
    ],
  ];
  it.each(rows)('%s', (_, a, b, comparable, differ) => {
    expect(networksComparable(a, b)).toBe(comparable);
    expect(networksComparable(b, a)).toBe(comparable);
    expect(networksDiffer(a, b)).toBe(differ);
    expect(networksDiffer(b, a)).toBe(differ);
  });
});
