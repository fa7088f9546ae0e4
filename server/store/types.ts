import type { Family } from '../ip.ts';

export interface ResolverSeen {
  ip: string;
  family: Family;
  /** EDNS Client Subnet the resolver forwarded, "a.b.c.0/24". */
  ecs?: string;
}

/** Limits on one token's resolver set, the same for every store. */
export interface SetLimits {
  ttlSeconds: number;
  maxResolvers: number;
}

/**
 * Where resolver sets live between the DNS query and the HTTPS read: this process's memory, or a
 * Valkey/Redis shared by several nodes. Every method rejects with StoreUnavailable when the store
 * cannot be reached, so callers can tell "unknown token" from "results unavailable".
 */
export interface ResultStore {
  /** Adds a resolver to the label's set, creating it with the TTL on first sight (never extended). */
  record(label: string, resolver: ResolverSeen): Promise<void>;
  /** Reads and deletes in one step: a set can be read once. Unknown or expired → []. */
  take(label: string): Promise<ResolverSeen[]>;
  /** Drops sets whose creation this node takes back (fair eviction, see admission.ts). */
  forget(labels: readonly string[]): Promise<void>;
  /** Sets held by this store; null when the store is shared and counting would cost a scan. */
  size(): number | null;
  close(): Promise<void>;
}

export class StoreUnavailable extends Error {
  override name = 'StoreUnavailable';
}
