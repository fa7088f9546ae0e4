/**
 * Connection limits that need no flag: safe for any deployment. startServer takes overrides so
 * tests can reach them with a handful of sockets.
 */
export interface Limits {
  /** All HTTP(S) connections of one listener. */
  httpConnections: number;
  /** One source's HTTP(S) connections (trusted proxies are exempt). */
  httpConnectionsPerSource: number;
  /** A TLS handshake must finish within this, counted from the TCP connect. */
  tlsHandshakeMs: number;
  dnsTcpConnections: number;
  dnsTcpConnectionsPerSource: number;
  /** One DNS-over-TCP message must arrive whole within this, however the bytes trickle in. */
  dnsTcpMessageMs: number;
  /** Silence allowed between DNS-over-TCP messages. */
  dnsTcpIdleMs: number;
}

export const LIMITS: Readonly<Limits> = Object.freeze({
  httpConnections: 1024,
  httpConnectionsPerSource: 16,
  tlsHandshakeMs: 5_000,
  dnsTcpConnections: 512,
  dnsTcpConnectionsPerSource: 8,
  dnsTcpMessageMs: 3_000,
  dnsTcpIdleMs: 10_000,
});
