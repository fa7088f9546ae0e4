/** One ICE candidate line, read (RFC 8839 §5.1). */
export interface Candidate {
  readonly foundation: string;
  readonly component: number;
  /** Lower case: 'udp' or 'tcp' in practice. */
  readonly protocol: string;
  readonly priority: number;
  /** An IP address, or an mDNS name (`<uuid>.local`) when the browser masks host addresses. */
  readonly address: string;
  readonly port: number;
  /** 'host', 'srflx', 'prflx' or 'relay' in practice. */
  readonly type: string;
  readonly relatedAddress?: string;
}

/** Candidate types that carry an address a STUN server (or the peer) saw: the public side of a NAT. */
export const REFLEXIVE_TYPES: ReadonlySet<string> = new Set(['srflx', 'prflx']);

const TOKEN = /^[A-Za-z0-9+/.:_-]{1,255}$/;
const DIGITS = /^\d{1,10}$/;

function int(text: string | undefined, max: number): number | null {
  if (text === undefined || !DIGITS.test(text)) return null;
  const n = Number(text);
  return n <= max ? n : null;
}

/**
 * Reads `candidate:…` as an icecandidate event or an SDP `a=candidate:` line carries it; null for anything else.
 * Pure and total: pages and other extensions can hand us any string.
 */
export function parseCandidate(line: string): Candidate | null {
  if (typeof line !== 'string') return null;
  const text = line.trim().replace(/^a=/, '');
  if (!/^candidate:/i.test(text)) return null;
  const parts = text.slice('candidate:'.length).split(/\s+/);
  const [foundation, componentText, protocolText, priorityText, address, portText, typ, type] = parts;
  const component = int(componentText, 256);
  const priority = int(priorityText, 0xffffffff);
  const port = int(portText, 65535);
  if (!foundation || !TOKEN.test(foundation) || component === null || component < 1 || priority === null || port === null) return null;
  if (!protocolText || !/^[A-Za-z]+$/.test(protocolText) || !address || !TOKEN.test(address)) return null;
  if (typ !== 'typ' || !type || !/^[a-z]+$/.test(type)) return null;

  const candidate: Candidate = { foundation, component, protocol: protocolText.toLowerCase(), priority, address, port, type };
  // Extension attributes come as name/value pairs after the type.
  for (let i = 8; i + 1 < parts.length; i += 2) {
    const value = parts[i + 1];
    if (parts[i] === 'raddr' && value && TOKEN.test(value)) return { ...candidate, relatedAddress: value };
  }
  return candidate;
}
