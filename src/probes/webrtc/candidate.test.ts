import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCandidate } from './candidate';

describe('parseCandidate', () => {
  it('reads a host candidate from an icecandidate event', () => {
    expect(parseCandidate('candidate:842163049 1 udp 1677729535 192.168.1.20 50000 typ host generation 0 ufrag abcd')).toEqual({
      foundation: '842163049',
      component: 1,
      protocol: 'udp',
      priority: 1677729535,
      address: '192.168.1.20',
      port: 50000,
      type: 'host',
    });
  });

  it('reads an SDP line with a= prefix, srflx and related address', () => {
    expect(parseCandidate('a=candidate:1 1 UDP 1686052607 185.65.135.1 61000 typ srflx raddr 10.0.0.2 rport 50000\r')).toMatchObject({
      protocol: 'udp',
      address: '185.65.135.1',
      type: 'srflx',
      relatedAddress: '10.0.0.2',
    });
  });

  it('reads IPv6, TCP and mDNS candidates', () => {
    expect(parseCandidate('candidate:3 1 tcp 1518280447 2a03:1b20::1 9 typ host tcptype active')).toMatchObject({
      protocol: 'tcp',
      address: '2a03:1b20::1',
      port: 9,
    });
    expect(parseCandidate('candidate:4 2 udp 2122262783 0b7c5a7e-1111-2222-3333-444455556666.local 54321 typ host')).toMatchObject({
      component: 2,
      address: '0b7c5a7e-1111-2222-3333-444455556666.local',
    });
  });

  it.each([
    '',
    'candidate:',
    'a=ice-ufrag:abcd',
    'foo 1 udp 1 1.2.3.4 5 typ host',
    'candidate:1 1 udp 1 1.2.3.4 5 host srflx',
    'candidate:1 0 udp 1 1.2.3.4 5 typ host',
    'candidate:1 1 udp 99999999999 1.2.3.4 5 typ host',
    'candidate:1 1 udp 1 1.2.3.4 70000 typ host',
    'candidate:1 1 udp -1 1.2.3.4 5 typ host',
    'candidate:1 1 udp 1 1.2.3.4 5 typ',
    'candidate:1 1 udp 1 <script> 5 typ host',
  ])('rejects %j', (text) => {
    expect(parseCandidate(text)).toBeNull();
  });

  it('never throws, and what it returns is well-formed', () => {
    const token = fc.stringMatching(/^[a-z0-9.:-]{0,12}$/);
    const near = fc
      .tuple(token, fc.nat(300), fc.constantFrom('udp', 'tcp', 'x'), fc.nat(), token, fc.integer({ min: -1, max: 70000 }), token, token)
      .map((p) => `candidate:${p[0]} ${p[1]} ${p[2]} ${p[3]} ${p[4]} ${p[5]} typ ${p[6]} raddr ${p[7]}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), near), (text) => {
        const c = parseCandidate(text);
        if (c) {
          expect(c.port).toBeGreaterThanOrEqual(0);
          expect(c.port).toBeLessThanOrEqual(65535);
          expect(c.component).toBeGreaterThanOrEqual(1);
          expect(c.address.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
