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
    /** Over the UDP rate: answered with only the TC bit, so a real resolver retries over TCP. */
    slipped: number;
    tcpRefused: number;
    tcpTimedOut: number;
  };
  http: { requests: number; rateLimited: number; notFound: number; connectionsRefused: number };
  stun: { requests: number; answered: number; dropped: number; rateLimited: number };
  tokens: { recorded: number; read: number; refused: number; evicted: number };
  /** Writes and reads that failed because the store could not be reached. */
  store: { writeErrors: number; readErrors: number };
}

export function createCounters(): Counters {
  return {
    dns: {
      queries: 0,
      answered: 0,
      nxdomain: 0,
      refused: 0,
      notimp: 0,
      truncated: 0,
      dropped: 0,
      rateLimited: 0,
      slipped: 0,
      tcpRefused: 0,
      tcpTimedOut: 0,
    },
    http: { requests: 0, rateLimited: 0, notFound: 0, connectionsRefused: 0 },
    stun: { requests: 0, answered: 0, dropped: 0, rateLimited: 0 },
    tokens: { recorded: 0, read: 0, refused: 0, evicted: 0 },
    store: { writeErrors: 0, readErrors: 0 },
  };
}
