import dnsPacket from 'dns-packet';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Peer } from '../ip.ts';
import { decode, encodeQuery, type QType } from '../testing.ts';
import { answerQuery, prepareZone } from './answer.ts';

const zone = prepareZone('check.leakless.test', '192.0.2.10', '2001:db8::10');
const v4: Peer = { address: '203.0.113.53', family: 4 };
const v6: Peer = { address: '2001:db8:53::1', family: 6 };
const TOKEN = 'abcdefghij0123456789abcdefghij01';

function ask(name: string, type: QType, opts: Parameters<typeof encodeQuery>[2] = {}, source = v4) {
  const query = encodeQuery(name, type, opts);
  const a = answerQuery(query, zone, source, { transport: 'udp' });
  if (!a) throw new Error('dropped');
  const p = decode(a.response);
  return { a, p, query };
}

const data = (p: dnsPacket.Packet) => (p.answers ?? []).map((r) => ('data' in r ? r.data : undefined));
const types = (rs: dnsPacket.Answer[] | undefined) => (rs ?? []).map((r) => r.type);

describe('token names', () => {
  it('answers A/AAAA with TTL 0, echoes 0x20 case verbatim, reports the lowercased token', () => {
    const mixed = 'AbCdEfGhIj0123456789aBcDeFgHiJ01.cHeCk.LeAkLeSs.TeSt';
    const { a, p, query } = ask(mixed, 'A', { id: 4242 });
    expect(p.id).toBe(4242);
    expect(p.rcode).toBe('NOERROR');
    expect(p.flag_aa).toBe(true);
    expect(p.questions?.[0]?.name).toBe(mixed);
    expect(a.response.subarray(12, query.length)).toEqual(query.subarray(12)); // byte-identical question
    expect(p.answers?.[0]).toMatchObject({ name: mixed, type: 'A', ttl: 0, data: '192.0.2.10' });
    expect(a.token).toBe(TOKEN);
    expect(a.ecs).toBeUndefined();

    const six = ask(`${TOKEN}.check.leakless.test`, 'AAAA');
    expect(data(six.p)).toEqual(['2001:db8::10']);
    expect(six.a.token).toBe(TOKEN);
  });

  it('records any query type (browsers also ask HTTPS), answering NODATA with the SOA', () => {
    const { a, p } = ask(`${TOKEN}.check.leakless.test`, 'TXT');
    expect(a.token).toBe(TOKEN);
    expect(p.rcode).toBe('NOERROR');
    expect(p.answers).toEqual([]);
    expect(types(p.authorities)).toEqual(['SOA']);
  });

  it('returns the EDNS Client Subnet as a masked prefix and echoes it with scope 0', () => {
    const { a, p } = ask(`${TOKEN}.check.leakless.test`, 'A', { ecs: { ip: '198.51.100.77', prefix: 24 } });
    expect(a.ecs).toBe('198.51.100.0/24');
    const opt = p.additionals?.[0] as unknown as {
      type: string;
      options: { code: number; ip: string; sourcePrefixLength: number; scopePrefixLength: number }[];
    };
    expect(opt.type).toBe('OPT');
    expect(opt.options[0]).toMatchObject({ code: 8, ip: '198.51.100.0', sourcePrefixLength: 24, scopePrefixLength: 0 });

    expect(ask(`${TOKEN}.check.leakless.test`, 'A', { ecs: { ip: '198.51.100.77', prefix: 20 } }).a.ecs).toBe('198.51.96.0/20');
    expect(ask(`${TOKEN}.check.leakless.test`, 'A', { ecs: { ip: '2001:db8:aaaa:bbff::1', prefix: 56, family: 2 } }).a.ecs).toBe(
      '2001:db8:aaaa:bb00::/56',
    );
    // Prefix 0 means "do not use my subnet": nothing to report.
    expect(ask(`${TOKEN}.check.leakless.test`, 'A', { ecs: { ip: '0.0.0.0', prefix: 0 } }).a.ecs).toBeUndefined();
  });

  it('only exact [a-z0-9]{16,63} labels directly under the zone are tokens', () => {
    for (const name of [
      `${'a'.repeat(15)}.check.leakless.test`,
      `x.${TOKEN}.check.leakless.test`,
      `${TOKEN.slice(0, 20)}-x.check.leakless.test`,
    ]) {
      const { a, p } = ask(name, 'A');
      expect(p.rcode, name).toBe('NXDOMAIN');
      expect(a.token).toBeUndefined();
    }
    expect(ask(`${'a'.repeat(16)}.check.leakless.test`, 'A').a.token).toBe('a'.repeat(16));
    expect(ask(`${'a'.repeat(63)}.check.leakless.test`, 'A').a.token).toBe('a'.repeat(63));
    // A 64-byte label is not DNS at all (length byte 0x40 is a reserved label type): dropped.
    expect(answerQuery(encodeQuery(`${'a'.repeat(64)}.check.leakless.test`, 'A'), zone, v4, { transport: 'udp' })).toBeNull();
  });
});

describe('fixed names', () => {
  it('apex: SOA, NS, A, AAAA', () => {
    const soa = ask('check.leakless.test', 'SOA').p;
    expect(soa.flag_aa).toBe(true);
    expect(soa.answers?.[0]).toMatchObject({
      type: 'SOA',
      data: { mname: 'ns.check.leakless.test', rname: 'hostmaster.check.leakless.test' },
    });
    expect(data(ask('check.leakless.test', 'NS').p)).toEqual(['ns.check.leakless.test']);
    expect(data(ask('check.leakless.test', 'A').p)).toEqual(['192.0.2.10']);
    expect(data(ask('check.leakless.test', 'AAAA').p)).toEqual(['2001:db8::10']);
    expect(data(ask('ns.check.leakless.test', 'A').p)).toEqual(['192.0.2.10']);
    expect(data(ask('ns.check.leakless.test', 'AAAA').p)).toEqual(['2001:db8::10']);
  });

  it('ipv4.Z has only A, ipv6.Z only AAAA', () => {
    expect(data(ask('ipv4.check.leakless.test', 'A').p)).toEqual(['192.0.2.10']);
    const none = ask('ipv4.check.leakless.test', 'AAAA').p;
    expect([none.rcode, none.answers, types(none.authorities)]).toEqual(['NOERROR', [], ['SOA']]);
    expect(data(ask('ipv6.check.leakless.test', 'AAAA').p)).toEqual(['2001:db8::10']);
    expect(ask('ipv6.check.leakless.test', 'A').p.answers).toEqual([]);
  });

  it('whoami answers with the asker, in the asker family only', () => {
    for (const name of ['whoami.check.leakless.test', 'r4nd0m.WhoAmI.check.leakless.test', 'a.b.whoami.check.leakless.test']) {
      const a4 = ask(name, 'A', {}, v4).p;
      expect(a4.answers?.[0]).toMatchObject({ type: 'A', ttl: 0, data: '203.0.113.53' });
      expect(ask(name, 'AAAA', {}, v4).p.answers).toEqual([]);
      expect(ask(name, 'AAAA', {}, v6).p.answers?.[0]).toMatchObject({ type: 'AAAA', ttl: 0, data: '2001:db8:53::1' });
      expect(ask(name, 'A', {}, v6).p.answers).toEqual([]);
    }
    expect(ask('whoami.x.check.leakless.test', 'A').p.rcode).toBe('NXDOMAIN');
  });

  it('other names in the zone: NXDOMAIN with SOA', () => {
    const p = ask('nope.check.leakless.test', 'A').p;
    expect([p.rcode, p.flag_aa, types(p.authorities)]).toEqual(['NXDOMAIN', true, ['SOA']]);
  });

  it('_acme-challenge.Z is a CNAME only when --acme-cname is set', () => {
    expect(ask('_acme-challenge.check.leakless.test', 'TXT').p.rcode).toBe('NXDOMAIN');
    const z = prepareZone('check.leakless.test', null, null, '_acme-challenge.validation.example.org');
    const a = answerQuery(encodeQuery('_ACME-challenge.check.leakless.test', 'TXT'), z, v4, { transport: 'udp' });
    const p = decode(a?.response as Buffer);
    expect([p.rcode, p.flag_aa]).toEqual(['NOERROR', true]);
    expect(p.answers?.[0]).toMatchObject({
      type: 'CNAME',
      name: '_ACME-challenge.check.leakless.test',
      data: '_acme-challenge.validation.example.org',
    });
  });

  it('--address6 none leaves AAAA empty', () => {
    const z = prepareZone('check.leakless.test', '192.0.2.10', null);
    const a = answerQuery(encodeQuery(`${TOKEN}.check.leakless.test`, 'AAAA'), z, v4, { transport: 'udp' });
    expect(decode(a?.response as Buffer).answers).toEqual([]);
    expect(a?.token).toBe(TOKEN);
  });
});

describe('refusals and odd queries', () => {
  it('REFUSED outside the zone, also for look-alike suffixes and the parent', () => {
    for (const name of ['example.com', 'evilcheck.leakless.test', 'leakless.test', `${TOKEN}.check.leakless.test.evil`, '.']) {
      const { a, p } = ask(name, 'A');
      expect(p.rcode, name).toBe('REFUSED');
      expect(p.flag_aa).toBe(false);
      expect([...(p.answers ?? []), ...(p.authorities ?? [])]).toEqual([]);
      expect(a.token).toBeUndefined();
    }
  });

  it('REFUSED for non-IN classes and zone transfers', () => {
    const ch = dnsPacket.encode({ type: 'query', id: 1, questions: [{ type: 'TXT', class: 'CH', name: 'check.leakless.test' }] });
    expect(decode(answerQuery(ch, zone, v4, { transport: 'udp' })?.response as Buffer).rcode).toBe('REFUSED');
    expect(ask('check.leakless.test', 'AXFR').p.rcode).toBe('REFUSED');
  });

  it('NOTIMP for opcodes other than QUERY', () => {
    for (const opcode of [1, 2, 4, 5]) {
      const p = ask('check.leakless.test', 'SOA', { flags: opcode << 11 }).p;
      expect(p.rcode).toBe('NOTIMP');
      expect(p.answers).toEqual([]);
    }
  });

  it('ANY gets one small RFC 8482 HINFO', () => {
    const p = ask(`${TOKEN}.check.leakless.test`, 'ANY').p;
    expect(p.answers).toHaveLength(1);
    expect(p.answers?.[0]).toMatchObject({ type: 'HINFO', data: { cpu: 'RFC8482', os: '' } });
  });

  it('BADVERS for EDNS versions above 0', () => {
    const q = Buffer.from(encodeQuery('check.leakless.test', 'SOA', { edns: true }));
    q.writeUInt8(1, q.length - 5); // OPT (no options): TTL's second byte is the version
    const p = decode(answerQuery(q, zone, v4, { transport: 'udp' })?.response as Buffer);
    const opt = p.additionals?.[0] as unknown as { extendedRcode: number };
    expect(opt.extendedRcode).toBe(1);
    expect(p.answers).toEqual([]);
  });

  it('drops responses, multi-question, truncated and trailing-garbage packets', () => {
    const good = encodeQuery('check.leakless.test', 'A');
    const response = Buffer.from(good);
    response.writeUInt16BE(0x8000, 2);
    const two = dnsPacket.encode({
      type: 'query',
      id: 1,
      questions: [
        { type: 'A', name: 'a.check.leakless.test' },
        { type: 'A', name: 'b.check.leakless.test' },
      ],
    });
    const pointer = Buffer.concat([good.subarray(0, 12), Buffer.from([0xc0, 0x0c, 0, 1, 0, 1])]);
    for (const bad of [
      Buffer.alloc(0),
      good.subarray(0, 11),
      good.subarray(0, good.length - 1),
      Buffer.concat([good, Buffer.from([0])]),
      response,
      two,
      pointer,
    ]) {
      expect(answerQuery(bad, zone, v4, { transport: 'udp' })).toBeNull();
    }
  });

  it('sets TC and strips records when a UDP answer exceeds the limit', () => {
    const q = encodeQuery(`${TOKEN}.check.leakless.test`, 'A');
    const a = answerQuery(q, zone, v4, { transport: 'udp', plainUdpLimit: 60 });
    const p = decode(a?.response as Buffer);
    expect(a?.truncated).toBe(true);
    expect([p.flag_tc, p.answers, p.questions?.length]).toEqual([true, [], 1]);
    expect(answerQuery(q, zone, v4, { transport: 'tcp', plainUdpLimit: 60 })?.truncated).toBe(false);
    expect(answerQuery(q, zone, v4, { transport: 'udp' })?.truncated).toBe(false);
  });
});

describe('robustness', () => {
  it('never throws; any answer is a well-formed response to the same id', () => {
    const valid = [
      encodeQuery(`${TOKEN}.check.leakless.test`, 'A', { ecs: { ip: '198.51.100.1', prefix: 24 } }),
      encodeQuery('whoami.check.leakless.test', 'AAAA'),
    ];
    const mutated = fc
      .tuple(fc.constantFrom(...valid), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }))
      .map(([q, edits]) => {
        const b = Buffer.from(q);
        for (const [i, v] of edits) b[i % b.length] = v;
        return b;
      });
    const random = fc.uint8Array({ minLength: 0, maxLength: 600 }).map((u) => Buffer.from(u));
    fc.assert(
      fc.property(fc.oneof(mutated, random), fc.constantFrom(v4, v6), (packet, source) => {
        const a = answerQuery(packet, zone, source, { transport: 'udp' });
        if (!a) return;
        expect(a.response.length).toBeLessThanOrEqual(512);
        const p = decode(a.response);
        expect(p.id).toBe(packet.readUInt16BE(0));
        expect(p.type).toBe('response');
      }),
      { numRuns: 5000, seed: 20240601 },
    );
  });
});
