import type { RedisTarget } from './redis.ts';

/** What --store names: this process's memory, or a Valkey/Redis server or cluster. */
export type StoreTarget = 'memory' | RedisTarget;

const SCHEMES: Record<string, { cluster: boolean; tls: boolean }> = {
  'redis:': { cluster: false, tls: false },
  'rediss:': { cluster: false, tls: true },
  'redis-cluster:': { cluster: true, tls: false },
  'rediss-cluster:': { cluster: true, tls: true },
};

/**
 * Parses "memory", "redis://[user:pass@]host[:port][/db]", "rediss://…", or
 * "redis-cluster://host:port,host:port" (seed nodes). Returns { error } instead of throwing,
 * and never repeats the text (it may hold a password).
 */
export function parseStoreTarget(text: string): StoreTarget | { error: string } {
  if (text === 'memory') return 'memory';
  const scheme = /^([a-z-]+:)\/\//.exec(text)?.[1] ?? '';
  const kind = SCHEMES[scheme];
  if (!kind) return { error: "expected 'memory', redis://, rediss://, redis-cluster:// or rediss-cluster://" };
  const rest = text.slice(scheme.length + 2);
  const at = rest.lastIndexOf('@');
  const [hosts = '', db = ''] = rest.slice(at + 1).split('/');
  const nodes: RedisTarget['nodes'] = [];
  for (const h of hosts.split(',')) {
    const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(h);
    const port = Number(m?.[2] ?? 6379);
    if (!m?.[1] || port < 1 || port > 65535) return { error: 'bad host or port' };
    nodes.push({ host: m[1].replace(/^\[|\]$/g, ''), port });
  }
  if (!kind.cluster && nodes.length !== 1) return { error: 'a single host (several are for redis-cluster://)' };
  if (db !== '' && (!/^\d{1,2}$/.test(db) || kind.cluster)) return { error: 'bad database number (clusters have only 0)' };
  const target: RedisTarget = { ...kind, nodes, db: Number(db || 0) };
  if (at >= 0) {
    const [user = '', pass] = rest.slice(0, at).split(':');
    if (pass === undefined) target.password = decodeURIComponent(user);
    else {
      if (user) target.username = decodeURIComponent(user);
      target.password = decodeURIComponent(pass);
    }
  }
  return target;
}
