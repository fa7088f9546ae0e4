import { parseCandidate } from './candidate';

const udpKey = (line: string, type: string): string | null => {
  const c = parseCandidate(line);
  return c && c.protocol === 'udp' && c.component === 1 && c.type === type ? `${c.address} ${c.port}` : null;
};

const distinct = (lines: readonly string[], type: string): number =>
  new Set(lines.map((line) => udpKey(line, type)).filter((key) => key !== null)).size;

/**
 * Whether a gathering with `servers` STUN servers already holds its answer, before the browser says it is done:
 * every UDP host candidate (one per interface and address family) has its server-reflexive answer from every
 * server. What else the browser may still add (TCP host candidates, retries on a path that already answered)
 * reveals no public address, so waiting for it only makes the user wait. Counted, not matched by related
 * address: browsers that mask host addresses write `raddr 0.0.0.0`. A host whose answer equals itself (no NAT)
 * leaves no reflexive line in Chromium, so such a gathering is never "known" early: it ends when the browser says.
 */
export function answerKnown(lines: readonly string[], servers: number): boolean {
  if (servers < 1) return false;
  const hosts = distinct(lines, 'host');
  return hosts > 0 && distinct(lines, 'srflx') >= hosts * servers;
}
