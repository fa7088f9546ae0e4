import { describe, it } from 'vitest';
import type { HeadersResult, ProxyHeader } from '../model';
import { absent, done, EXIT4, EXIT6, failed, ip, M247, partial, pending, webrtc } from './fixtures';
import { expectRow, type Row } from './verdict-rows';

const HOME4 = '84.171.20.7';
const HOME6 = '2a02:8109:b6c0::7';
const echoed = (...headers: ProxyHeader[]) =>
  done<HeadersResult>({ observations: [{ endpointId: 'leakless-headers', outcome: { ok: true, value: headers }, ms: 5 }], headers });
const h = (name: string, ...ips: string[]): ProxyHeader => ({ name, value: ips.join(', ') || '1.1 proxy', ips });

const rows: Row[] = [
  { name: 'the echo shows nothing added', patch: { headers: echoed() }, level: 'clean', codes: ['no-leak'] },
  { name: 'a build without our server asks nobody: no claim either way', patch: {}, level: 'clean', codes: ['no-leak'] },
  {
    name: 'X-Forwarded-For names a home address',
    patch: { headers: echoed(h('X-Forwarded-For', HOME4)) },
    level: 'leak',
    codes: ['proxy-header-reveals-ip'],
    params: [['X-Forwarded-For', HOME4]],
  },
  {
    name: 'Via only: a proxy on the path',
    patch: { headers: echoed(h('Via')) },
    level: 'clean',
    codes: ['proxy-on-path'],
    params: [['Via']],
  },
  {
    name: 'the exit itself, in another spelling, reveals nothing new',
    patch: { ipv6: ip(6, EXIT6, M247), headers: echoed(h('X-Real-IP', EXIT4), h('Client-IP', '2A03:1B20:3:F011:0:0:0:A10F')) },
    level: 'clean',
    codes: ['proxy-on-path'],
    params: [['X-Real-IP, Client-IP']],
  },
  {
    name: 'private and documentation addresses say nothing about the network',
    patch: { headers: echoed(h('X-Forwarded-For', '10.1.2.3', '203.0.113.7')) },
    level: 'clean',
    codes: ['proxy-on-path'],
    params: [['X-Forwarded-For']],
  },
  {
    name: 'a home address next to the exit: one leak, no warning for the same header',
    patch: { headers: echoed(h('X-Forwarded-For', HOME4, EXIT4), h('Via')) },
    level: 'leak',
    codes: ['proxy-header-reveals-ip', 'proxy-on-path'],
    params: [['X-Forwarded-For', HOME4], ['Via']],
  },
  {
    name: 'an IPv6 address while the web has no IPv6 at all',
    patch: { ipv6: absent(6), headers: echoed(h('Forwarded', HOME6)) },
    level: 'leak',
    codes: ['proxy-header-reveals-ip'],
    params: [['Forwarded', HOME6]],
  },
  {
    name: 'an IPv4 address while the web has no IPv4 at all (IPv6 only)',
    patch: { ipv4: absent(4), ipv6: ip(6, EXIT6, M247), webrtc: webrtc(), headers: echoed(h('X-Forwarded-For', HOME4)) },
    level: 'leak',
    codes: ['proxy-header-reveals-ip'],
    params: [['X-Forwarded-For', HOME4]],
  },
  {
    name: 'no family has an exit at all: nothing to compare with, and no IPv4 is unknown, not clean',
    patch: { ipv4: absent(4), ipv6: absent(6), webrtc: webrtc(), headers: echoed(h('X-Forwarded-For', HOME4)) },
    level: 'unknown',
    codes: ['proxy-on-path', 'ip-unknown'],
    params: [['X-Forwarded-For'], ['4']],
  },
  {
    name: 'another IPv6 than the exit IPv6',
    patch: { ipv6: ip(6, EXIT6, M247), headers: echoed(h('True-Client-IP', HOME6)) },
    level: 'leak',
    codes: ['proxy-header-reveals-ip'],
    params: [['True-Client-IP', HOME6]],
  },
  {
    name: 'an IPv6 address while the IPv6 check failed: cannot be compared',
    patch: { ipv6: failed(), headers: echoed(h('X-Forwarded-For', HOME6)) },
    level: 'unknown',
    codes: ['proxy-on-path', 'ip-unknown'],
    params: [['X-Forwarded-For'], ['6']],
  },
  {
    name: 'no exit known at all: nothing to compare with',
    patch: { ipv4: failed(), ipv6: failed(), webrtc: webrtc(), headers: echoed(h('X-Forwarded-For', HOME4)) },
    level: 'unknown',
    codes: ['proxy-on-path', 'ip-unknown', 'ip-unknown'],
  },
  { name: 'the echo failed', patch: { headers: failed() }, level: 'unknown', codes: ['proxy-headers-unknown'] },
  {
    name: 'the echo answered with something our server cannot have sent',
    patch: {
      headers: done<HeadersResult>({
        observations: [{ endpointId: 'leakless-headers', outcome: { ok: false, problem: { code: 'bad-shape' } }, ms: 5 }],
        headers: null,
      }),
    },
    level: 'unknown',
    codes: ['proxy-headers-unknown'],
  },
  { name: 'the echo still out', patch: { headers: pending }, level: 'unknown', codes: [] },
  {
    name: 'a leak shows while the echo is provisional',
    patch: { headers: partial(echoed(h('X-Forwarded-For', HOME4))) },
    level: 'leak',
    codes: ['proxy-header-reveals-ip'],
  },
];

describe('decide: proxy headers', () => {
  it.each(rows)('$name → $level', (row) => expectRow(row));
});
