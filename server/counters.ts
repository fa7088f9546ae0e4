/** Operational counters. Numbers only: nothing here can identify a client. */
export interface Counters {
  dns: {
    queries: number;
    answered: number;
    nxdomain: number;
    refused: number;
    notimp: number;
    truncated: number;
    dropped: number;
    rateLimited: number;
  };
  http: { requests: number; rateLimited: number; notFound: number };
  stun: { requests: number; answered: number; dropped: number; rateLimited: number };
  tokens: { recorded: number; read: number; live: number; expired: number; evicted: number };
}

export function createCounters(): Counters {
  return {
    dns: { queries: 0, answered: 0, nxdomain: 0, refused: 0, notimp: 0, truncated: 0, dropped: 0, rateLimited: 0 },
    http: { requests: 0, rateLimited: 0, notFound: 0 },
    stun: { requests: 0, answered: 0, dropped: 0, rateLimited: 0 },
    tokens: { recorded: 0, read: 0, live: 0, expired: 0, evicted: 0 },
  };
}
