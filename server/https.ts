// The TLS listener: HTTP/2, with HTTP/1.1 for clients that do not offer it. Over HTTP/2 a browser sends a
// check's requests to one address on one connection, even for other names under the zone's wildcard
// certificate (connection coalescing): it still resolves each test name first, to see that its address is
// this one, so the DNS leak test still sees every resolver, and every name after the first costs no handshake.
import type http from 'node:http';
import http2 from 'node:http2';
import type tls from 'node:tls';
import { SERVER_OPTIONS } from './http.ts';
import type { Limits } from './limits.ts';

/** One check opens about a dozen streams at once on a session; more than this is not a browser's check. */
export const H2_MAX_STREAMS = 32;

export function createHttpsServer(tlsOptions: tls.SecureContextOptions, limits: Limits, handler: http.RequestListener) {
  const server = http2.createSecureServer(
    {
      ...tlsOptions,
      allowHTTP1: true,
      handshakeTimeout: limits.tlsHandshakeMs,
      settings: { maxConcurrentStreams: H2_MAX_STREAMS, maxHeaderListSize: SERVER_OPTIONS.maxHeaderSize },
      // The same caps as HTTP/1.1's 64 headers, and a small per-session memory bound.
      maxHeaderListPairs: 64,
      maxSessionMemory: 4,
    },
    // The compatibility API gives the handler the request and response it reads and writes over HTTP/1.1.
    handler as unknown as (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void,
  );
  // HTTP/1.1 connections on this listener read these from the server, as an http.Server would.
  Object.assign(server, SERVER_OPTIONS);
  server.on('tlsClientError', () => {});
  // A protocol error ends that session only; nothing is printed.
  server.on('sessionError', () => {});
  return server;
}
