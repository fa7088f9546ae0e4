/**
 * Worst-case memory of the token tables, so a configuration that cannot fit the service's memory is
 * refused at startup instead of being killed under attack. Per-item costs were measured on Node 20
 * (server/budget.test.ts keeps them honest) and rounded up.
 */
export const BYTES = {
  /** admission.ts: one admitted token (label, source, expiry, its place in the per-source sets). */
  admitted: 400,
  /** store/memory.ts: one token's set, empty. */
  set: 400,
  /** store/memory.ts: one resolver in a set, with an ECS subnet. */
  resolver: 350,
} as const;

/** What the token tables may use; the rest of the documented MemoryMax=512M is Node, sockets and buffers. */
export const TABLE_BUDGET = 320 * 1024 * 1024;

export function tableBytes(maxTokens: number, maxResolvers: number, sharedStore: boolean): number {
  const local = sharedStore ? 0 : BYTES.set + maxResolvers * BYTES.resolver;
  return maxTokens * (BYTES.admitted + local);
}
