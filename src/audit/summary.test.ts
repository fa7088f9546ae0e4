import { describe, expect, it } from 'vitest';
import { registry } from '../endpoints';
import { observedKey, SESSION_KEYS } from '../ext/storage-keys';
import { extensionPagesCsp, hostPermissions } from '../manifest/derive';
import type { CollectApi } from './collect';
import { fakeSession } from './fakes';
import { auditSummary } from './summary';

function api(sync: Record<string, unknown>): CollectApi {
  return {
    session: fakeSession({
      [SESSION_KEYS.ledger]: [
        {
          time: 1,
          endpointId: 'bashws-id',
          url: 'https://bash.ws/id',
          host: 'bash.ws',
          method: 'GET',
          bytesOut: 1,
          bytesIn: 1,
          status: 200,
          problem: null,
          ms: 1,
        },
      ],
      [observedKey('background')]: [
        { kind: 'resource', time: 2, context: 'background', url: 'https://bash.ws/id', initiatorType: 'fetch' },
      ],
    }),
    local: { get: async () => ({ settings: {} }) },
    sync: { get: async () => sync },
    target: 'chrome',
    getManifest: () => ({
      permissions: ['storage'],
      optional_permissions: ['privacy'],
      host_permissions: hostPermissions(registry),
      content_security_policy: { extension_pages: extensionPagesCsp(registry) },
    }),
    sendMessage: async () => [],
  };
}

describe('auditSummary', () => {
  it('counts the requests and findings of the same audit the page runs', async () => {
    expect(await auditSummary(api({}))).toEqual({ requests: 1, findings: 0, pass: true });
    expect(await auditSummary(api({ a: 1 }))).toEqual({ requests: 1, findings: 1, pass: false });
  });
});
