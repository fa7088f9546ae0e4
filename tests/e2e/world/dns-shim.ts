import dgram from 'node:dgram';
import { once } from 'node:events';
import dnsPacket from 'dns-packet';
import { endpointOfName, type FaultState } from './faults';

/** What crossed the shim: queries from the sandbox's resolver, and the UDP payload both ways. */
export interface DnsTraffic {
  readonly queries: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

export interface DnsShimOptions {
  /** Where dnsmasq sends the check zone and the fakes' leak-test domains. */
  readonly listen: { readonly address: string; readonly port: number };
  /** The check server's DNS, asked from `source` so it records the same resolver address as without the shim. */
  readonly upstream: { readonly address: string; readonly port: number; readonly source: string };
  /** Names answered here, not by the check server: A is 127.0.0.1 (the fakes), nothing else exists. */
  readonly localDomains: readonly string[];
  readonly faults: FaultState;
  readonly delayMs: () => number;
}

const SERVFAIL = 2;
const NXDOMAIN = 3;
const UPSTREAM_TIMEOUT_MS = 5000;

function answerLocally(query: dnsPacket.Packet, rcode = 0): Buffer {
  const question = query.questions?.[0];
  const answers: dnsPacket.Answer[] =
    rcode === 0 && question?.type === 'A' ? [{ type: 'A', name: question.name, ttl: 0, class: 'IN', data: '127.0.0.1' }] : [];
  return dnsPacket.encode({
    type: 'response',
    id: query.id ?? 0,
    flags: dnsPacket.AUTHORITATIVE_ANSWER | dnsPacket.RECURSION_DESIRED | rcode,
    questions: query.questions ?? [],
    answers,
  });
}

async function askUpstream(message: Buffer, upstream: DnsShimOptions['upstream']): Promise<Buffer | null> {
  const socket = dgram.createSocket('udp4');
  try {
    socket.bind(0, upstream.source);
    await once(socket, 'listening');
    socket.send(message, upstream.port, upstream.address);
    const timer = setTimeout(() => socket.emit('error', new Error('no answer')), UPSTREAM_TIMEOUT_MS);
    try {
      const [reply] = (await once(socket, 'message')) as [Buffer];
      return reply;
    } finally {
      clearTimeout(timer);
    }
  } catch {
    return null;
  } finally {
    socket.close();
  }
}

/**
 * A small UDP hop between the sandbox's resolver (dnsmasq) and the check server's DNS: the place where DNS
 * answers are delayed (bench) or faulted (NXDOMAIN for leak-test names, silence once the network is gone).
 * It also answers the fake providers' leak-test domains itself, so those names resolve through real DNS.
 */
export async function startDnsShim(options: DnsShimOptions) {
  const socket = dgram.createSocket('udp4');
  let queries = 0;
  /** When each query arrived (epoch ms), for the bench's page-open → first request. */
  const arrivals: number[] = [];
  let bytesIn = 0;
  let bytesOut = 0;
  const reply = (message: Buffer, to: dgram.RemoteInfo) => {
    bytesOut += message.length;
    socket.send(message, to.port, to.address);
  };

  async function handle(message: Buffer, from: dgram.RemoteInfo) {
    queries++;
    arrivals.push(Date.now());
    bytesIn += message.length;
    let query: dnsPacket.Packet;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return;
    }
    const name = (query.questions?.[0]?.name ?? '').toLowerCase();
    const target = endpointOfName(name);
    const endpoint = target?.endpoint ?? null;
    // With the network gone the resolver cannot reach anyone: it says so at once (SERVFAIL), as a resolver
    // whose upstream is unreachable does; silence would leave lookups pending into the next check.
    if (options.faults.gone(endpoint, false)) return reply(answerLocally(query, SERVFAIL), from);
    const delay = options.delayMs();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    if (target?.leakTest && options.faults.faultFor(endpoint) === 'nxdomain') return reply(answerLocally(query, NXDOMAIN), from);
    const local = options.localDomains.some((d) => name === d || name.endsWith(`.${d}`));
    if (local) return reply(answerLocally(query), from);
    const answer = await askUpstream(message, options.upstream);
    if (answer) reply(answer, from);
  }

  socket.on('message', (message, from) => void handle(message, from));
  socket.bind(options.listen.port, options.listen.address);
  await once(socket, 'listening');
  return {
    traffic: (): DnsTraffic => ({ queries, bytesIn, bytesOut }),
    arrivals: (): readonly number[] => arrivals,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
