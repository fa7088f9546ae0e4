import type dgram from 'node:dgram';
import { type Bound, bindAll, sendUdp, udpBinder } from '../bind.ts';
import { type Counters, createCounters } from '../counters.ts';
import { normalizePeer, rateKey } from '../ip.ts';
import { createRateLimiter, type RateLimiter } from '../ratelimit.ts';
import { encodeBindingSuccess, parseBindingRequest } from './codec.ts';

export interface MappedAddress {
  address: string;
  port: number;
}

export interface StunResponderOptions {
  /** Addresses to bind (default 127.0.0.1). */
  listen?: readonly string[];
  /** 0 = any free port. */
  port?: number;
  /**
   * Test hook: the address reported back instead of the true source (e.g. a fake "public" 198.51.100.7).
   * The CLI never sets it — the real server always reports the truth.
   */
  mapAddress?: (rinfo: dgram.RemoteInfo) => MappedAddress;
  /** Requests/s per source; 0 = unlimited (default). */
  rate?: number;
  counters?: Counters;
  limiter?: RateLimiter;
}

export interface StunResponder {
  port: number;
  close(): Promise<void>;
}

export function createStunHandler(opts: StunResponderOptions) {
  const counters = opts.counters ?? createCounters();
  const limiter = opts.limiter ?? createRateLimiter({ rate: opts.rate ?? 0 });
  return (msg: Buffer, rinfo: dgram.RemoteInfo, socket: dgram.Socket): void => {
    counters.stun.requests++;
    const peer = normalizePeer(rinfo.address);
    if (!peer) return;
    if (!limiter.take(rateKey(peer))) {
      counters.stun.rateLimited++;
      return;
    }
    const txid = parseBindingRequest(msg);
    if (!txid) {
      counters.stun.dropped++;
      return;
    }
    try {
      const mapped = opts.mapAddress ? opts.mapAddress(rinfo) : { address: peer.address, port: rinfo.port };
      sendUdp(socket, encodeBindingSuccess(txid, mapped.address, mapped.port), rinfo);
      counters.stun.answered++;
    } catch {
      counters.stun.dropped++; // a throwing or bad mapAddress must not take the responder down
    }
  };
}

/** A standalone STUN Binding responder (the full server also uses it on its --stun port). */
export async function startStunResponder(opts: StunResponderOptions = {}): Promise<StunResponder> {
  const bound: Bound = await bindAll([udpBinder(createStunHandler(opts))], opts.listen ?? ['127.0.0.1'], opts.port ?? 0);
  return bound;
}
