import { describe, expect, it } from 'vitest';
import { parseStoreTarget } from './target.ts';

describe('parseStoreTarget', () => {
  it('reads memory, redis, rediss and cluster seeds', () => {
    expect(parseStoreTarget('memory')).toBe('memory');
    expect(parseStoreTarget('redis://127.0.0.1')).toEqual({
      cluster: false,
      tls: false,
      nodes: [{ host: '127.0.0.1', port: 6379 }],
      db: 0,
    });
    expect(parseStoreTarget('rediss://user:p%40ss@valkey.example:6380/3')).toEqual({
      cluster: false,
      tls: true,
      nodes: [{ host: 'valkey.example', port: 6380 }],
      db: 3,
      username: 'user',
      password: 'p@ss',
    });
    expect(parseStoreTarget('redis://secret@[::1]:7000')).toEqual({
      cluster: false,
      tls: false,
      nodes: [{ host: '::1', port: 7000 }],
      db: 0,
      password: 'secret',
    });
    expect(parseStoreTarget('redis://:pw@h')).toMatchObject({ password: 'pw' });
    expect(parseStoreTarget('redis://:pw@h')).not.toHaveProperty('username');
    expect(parseStoreTarget('redis-cluster://10.0.0.1:7000,10.0.0.2')).toEqual({
      cluster: true,
      tls: false,
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 6379 },
      ],
      db: 0,
    });
    expect(parseStoreTarget('rediss-cluster://a:1')).toMatchObject({ cluster: true, tls: true });
  });

  it('names what is wrong, never repeating the text', () => {
    expect(parseStoreTarget('mysql://x')).toEqual({
      error: "expected 'memory', redis://, rediss://, redis-cluster:// or rediss-cluster://",
    });
    expect(parseStoreTarget('redis:/x')).toMatchObject({ error: expect.stringContaining('expected') });
    for (const bad of ['redis://h:0', 'redis://h:65536', 'redis://h:x', 'redis://', 'redis://h_h', 'redis://a,b']) {
      expect(parseStoreTarget(bad), bad).toHaveProperty('error');
    }
    expect(parseStoreTarget('redis://h:65535')).toMatchObject({ nodes: [{ host: 'h', port: 65535 }] });
    expect(parseStoreTarget('redis://h:1')).toMatchObject({ nodes: [{ host: 'h', port: 1 }] });
    expect(parseStoreTarget('redis://a,b')).toEqual({ error: 'a single host (several are for redis-cluster://)' });
    expect(parseStoreTarget('redis://h/123')).toEqual({ error: 'bad database number (clusters have only 0)' });
    expect(parseStoreTarget('redis://h/x')).toHaveProperty('error');
    expect(parseStoreTarget('redis-cluster://h/1')).toHaveProperty('error');
    expect(parseStoreTarget('redis://h:99999')).toEqual({ error: 'bad host or port' });
    expect(parseStoreTarget('redis://h/15')).toMatchObject({ db: 15 });
  });
});
