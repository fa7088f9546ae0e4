import { describe, expect, it } from 'vitest';
import { line } from './fake-peer';
import { answerKnown } from './known';

const host4 = line('host', '10.0.0.2', 50000);
const host6 = line('host', 'fd00::2', 50001);
const masked = line('host', '3e1f6b1c-5b0a-4c1e-9c1e-7a4c2f0b9d11.local', 50002);
const srflx4 = line('srflx', '185.65.135.1', 61000, 'udp', ' raddr 0.0.0.0 rport 0');
const srflx6 = line('srflx', '2a03:1b20::1', 61001, 'udp', ' raddr :: rport 0');

describe('answerKnown', () => {
  it('is known once every UDP host has its reflexive answer', () => {
    expect(answerKnown([host4, srflx4], 1)).toBe(true);
    expect(answerKnown([host4, host6, srflx4, srflx6], 1)).toBe(true);
    expect(answerKnown([masked, srflx4], 1)).toBe(true);
  });

  it('waits while an interface has no answer yet', () => {
    expect(answerKnown([host4], 1)).toBe(false);
    expect(answerKnown([host4, host6, srflx4], 1)).toBe(false);
    // The same reflexive line twice is one answer, not two.
    expect(answerKnown([host4, host6, srflx4, srflx4], 1)).toBe(false);
  });

  it('needs an answer from every server', () => {
    const second = line('srflx', '185.65.135.1', 61002, 'udp', ' raddr 0.0.0.0 rport 0');
    expect(answerKnown([host4, srflx4], 2)).toBe(false);
    expect(answerKnown([host4, srflx4, second], 2)).toBe(true);
  });

  it('is never known without a server, or before any host candidate', () => {
    expect(answerKnown([host4, srflx4], 0)).toBe(false);
    expect(answerKnown([srflx4], 1)).toBe(false);
    expect(answerKnown([], 1)).toBe(false);
  });

  it('counts only UDP, component 1: TCP hosts get no STUN answer, RTCP is the same interface', () => {
    const tcpHost = line('host', '10.0.0.2', 9, 'tcp', ' tcptype active');
    expect(answerKnown([host4, tcpHost, srflx4], 1)).toBe(true);
    const rtcp = line('host', '10.0.0.2', 50003).replace('candidate:842163049 1 ', 'candidate:842163049 2 ');
    expect(answerKnown([host4, rtcp, srflx4], 1)).toBe(true);
    const tcpSrflx = line('srflx', '185.65.135.1', 61000, 'tcp');
    expect(answerKnown([host4, tcpSrflx], 1)).toBe(false);
    // A peer-reflexive or relay line is not the STUN server's answer.
    expect(answerKnown([host4, line('prflx', '185.65.135.1')], 1)).toBe(false);
    expect(answerKnown([host4, line('relay', '185.65.135.1')], 1)).toBe(false);
  });

  it('ignores junk lines', () => {
    expect(answerKnown(['candidate:junk', host4, 'a=nonsense', srflx4], 1)).toBe(true);
    expect(answerKnown(['candidate:junk', 'x'], 1)).toBe(false);
  });
});
