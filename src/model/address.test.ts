import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAddress, isPublicIp, parseAnyIp, parsePublicIp, parseSubnet, subnetContains } from './address';

describe('parsePublicIp', () => {
  it.each([
    ['185.65.134.77', 4, '185.65.134.77'],
    [' 89.45.90.12\n', 4, '89.45.90.12'],
    ['2A03:1B20:0003:0000:0000:0000:0000:0077', 6, '2a03:1b20:3::77'],
    ['2001:4860:4860:0:0:0:0:8888', 6, '2001:4860:4860::8888'],
    ['::ffff:185.65.134.77', 4, '185.65.134.77'],
    ['::ffff:b941:864d', 4, '185.65.134.77'],
    ['2002:b941:864d::1', 6, '2002:b941:864d::1'],
  ] as const)('accepts %j as IPv%i → %s', (text, family, canonical) => {
    expect(parsePublicIp(text, family)).toEqual({ ok: true, value: canonical });
    expect(parsePublicIp(text)).toEqual({ ok: true, value: canonical });
  });

  it.each([
    ['10.64.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['172.16.5.4', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['0.0.0.0', 'other'],
    ['255.255.255.255', 'other'],
    ['224.0.0.1', 'other'],
    ['240.0.0.1', 'other'],
    ['::1', 'loopback'],
    ['::', 'other'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'ula'],
    ['ff02::1', 'other'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:10.0.0.1', 'private'],
    ['::b941:864d', 'other'],
    ['4000::1', 'other'],
    ['64:ff9b::a00:1', 'other'],
  ])('rejects %s as not public (%s)', (text, kind) => {
    expect(parsePublicIp(text)).toEqual({ ok: false, problem: { code: 'not-public', detail: kind } });
    expect(classifyAddress(text)).toBe(kind);
    expect(isPublicIp(text)).toBe(false);
  });

  it('rejects the other family', () => {
    expect(parsePublicIp('185.65.134.77', 6)).toMatchObject({ ok: false, problem: { code: 'wrong-family' } });
    expect(parsePublicIp('2a03:1b20:3::77', 4)).toMatchObject({ ok: false, problem: { code: 'wrong-family' } });
    expect(parsePublicIp('::ffff:185.65.134.77', 6)).toMatchObject({ ok: false, problem: { code: 'wrong-family' } });
  });

  it.each([
    '',
    'localhost',
    '185.65.134',
    '185.65.134.256',
    '0x7f.0.0.1',
    '127.1',
    '2130706433',
    '010.0.0.1',
    '185.65.134.77/24',
    'fe80::1%eth0',
    '2a03:1b20:3::77::1',
    '::ffff:010.0.0.1',
    '<html>185.65.134.77</html>',
    '1.2.3.4 5.6.7.8',
    null,
    42,
    ['185.65.134.77'],
  ])('rejects %j as not an IP', (text) => {
    expect(parsePublicIp(text)).toEqual({ ok: false, problem: { code: 'not-an-ip' } });
  });

  it('rejects a huge string', () => {
    expect(parsePublicIp(`185.65.134.77${' '.repeat(100_000)}x`)).toEqual({ ok: false, problem: { code: 'not-an-ip' } });
    expect(parsePublicIp('1'.repeat(100_000))).toEqual({ ok: false, problem: { code: 'not-an-ip' } });
  });

  it('never throws, and only ever accepts public addresses, whatever the input', () => {
    const ipish = fc.oneof(
      fc.string(),
      fc.ipV4(),
      fc.ipV6(),
      fc.ipV4Extended(),
      fc.tuple(fc.ipV6(), fc.string()).map(([a, b]) => a + b),
      fc.anything(),
    );
    fc.assert(
      fc.property(ipish, fc.constantFrom(4 as const, 6 as const, undefined), (text, family) => {
        const r = parsePublicIp(text, family);
        if (r.ok) {
          expect(classifyAddress(r.value)).toBe('public');
          expect(parsePublicIp(r.value, family)).toEqual(r);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseAnyIp', () => {
  it('accepts private addresses in canonical form and tells the family', () => {
    expect(parseAnyIp('10.64.0.1')).toEqual({ ok: true, value: { ip: '10.64.0.1', family: 4 } });
    expect(parseAnyIp('FD00:0::1')).toEqual({ ok: true, value: { ip: 'fd00::1', family: 6 } });
    expect(parseAnyIp('dns.example')).toEqual({ ok: false, problem: { code: 'not-an-ip' } });
  });
});

describe('classifyAddress', () => {
  it('calls ordinary global addresses public', () => {
    for (const ip of ['185.65.134.77', '89.45.90.12', '1.1.1.1', '2a03:1b20:3::77', '2606:4700:4700::1111']) {
      expect(classifyAddress(ip)).toBe('public');
    }
    expect(classifyAddress('not an ip')).toBe('other');
  });
});

describe('parseSubnet and subnetContains', () => {
  it('accepts canonical subnets only', () => {
    expect(parseSubnet('84.171.20.0/24')).toBe('84.171.20.0/24');
    expect(parseSubnet('2A00:1450::/32')).toBe('2a00:1450::/32');
    expect(parseSubnet('0.0.0.0/0')).toBe('0.0.0.0/0');
    for (const bad of ['84.171.20.1/24', '84.171.20.0/33', '::/129', '84.171.20.0', '084.171.20.0/24', '84.171.20.0/24/1', '', null, 24]) {
      expect(parseSubnet(bad)).toBeNull();
    }
  });
  it('contains addresses of its own family only', () => {
    expect(subnetContains('84.171.20.0/24', '84.171.20.77')).toBe(true);
    expect(subnetContains('84.171.20.0/24', '84.171.21.1')).toBe(false);
    expect(subnetContains('::/0', '84.171.20.77')).toBe(false);
    expect(subnetContains('2a03:1b20:3::/48', '2a03:1b20:3:f011::a10f')).toBe(true);
    expect(subnetContains('84.171.20.1/24', '84.171.20.77')).toBe(false);
  });
});
