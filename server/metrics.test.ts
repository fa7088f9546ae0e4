import { describe, expect, it } from 'vitest';
import { createCounters } from './counters.ts';
import { exposition } from './metrics.ts';

describe('exposition', () => {
  it('writes every counter and gauge in Prometheus text format', () => {
    const c = createCounters();
    c.dns.queries = 7;
    c.http.connectionsRefused = 2;
    const text = exposition(c, { tokensLive: 3, storeUp: 0 });
    expect(text.startsWith('# TYPE leakless_dns_queries_total counter\nleakless_dns_queries_total 7\n')).toBe(true);
    expect(text).toContain('\n# TYPE leakless_http_connections_refused_total counter\nleakless_http_connections_refused_total 2\n');
    expect(text).toContain('\n# TYPE leakless_store_write_errors_total counter\nleakless_store_write_errors_total 0\n');
    expect(
      text.endsWith('# TYPE leakless_tokens_live gauge\nleakless_tokens_live 3\n# TYPE leakless_store_up gauge\nleakless_store_up 0\n'),
    ).toBe(true);
    expect(text.split('\n').filter((l) => l.startsWith('# TYPE'))).toHaveLength(27);
  });
});
