import type { Counters } from './counters.ts';

export interface Gauges {
  /** Tokens this node admitted that are still live. */
  tokensLive: number;
  /** 1 while the store answers, 0 while it cannot be reached. */
  storeUp: number;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Prometheus text format (version 0.0.4). Written by hand: the counters are already plain numbers,
 * and a client library would keep a second registry of the same values.
 */
export function exposition(counters: Counters, gauges: Gauges): string {
  const lines: string[] = [];
  for (const [group, values] of Object.entries(counters)) {
    for (const [key, value] of Object.entries(values as Record<string, number>)) {
      const name = `leakless_${group}_${snake(key)}_total`;
      lines.push(`# TYPE ${name} counter`, `${name} ${value}`);
    }
  }
  for (const [key, value] of Object.entries(gauges)) {
    const name = `leakless_${snake(key)}`;
    lines.push(`# TYPE ${name} gauge`, `${name} ${value}`);
  }
  return `${lines.join('\n')}\n`;
}
