import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry, endpointById } from '../endpoints';
import { createLedger } from '../net';
import { browser } from './browser';
import { createBrowserDeps } from './deps';

const registry = buildRegistry(null);
const endpoint = (id: string) => {
  const found = endpointById(registry, id);
  if (!found) throw new Error(`no endpoint ${id}`);
  return found;
};
// The unit-test polyfill mock is a plain object; Firefox's dns API is added to it per test.
const mock = browser as unknown as { dns?: { resolve: (host: string, flags?: string[]) => Promise<unknown> } };

afterEach(() => {
  delete mock.dns;
  vi.unstubAllGlobals();
});

describe('createBrowserDeps', () => {
  it('sends requests through the gate with the global fetch, and records them in the ledger', async () => {
    const fetch = vi.fn(async () => new Response('{"ip":"203.0.113.5"}', { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    const ledger = createLedger();
    const deps = createBrowserDeps(registry, ledger);
    const response = await deps.gate.get({ endpoint: endpoint('ipify-ipv4') });
    expect(response.ok).toBe(true);
    expect(fetch).toHaveBeenCalledWith(endpoint('ipify-ipv4').url, expect.anything());
    expect(ledger.entries().map((e) => e.endpointId)).toEqual(['ipify-ipv4']);
    expect(deps.ledger).toBe(ledger);
  });

  it('has no DNS resolver outside Firefox', async () => {
    const deps = createBrowserDeps(registry, createLedger());
    const answer = await deps.gate.resolve(endpoint('akamai-whoami'));
    expect(answer).toMatchObject({ ok: false, problem: { code: 'unavailable' } });
  });

  it("uses Firefox's browser.dns.resolve when present", async () => {
    const resolve = vi.fn(async () => ({ addresses: ['198.51.100.53'], isTRR: true }));
    mock.dns = { resolve };
    const deps = createBrowserDeps(registry, createLedger());
    const answer = await deps.gate.resolve(endpoint('akamai-whoami'));
    expect(answer).toEqual({ ok: true, answer: { addresses: ['198.51.100.53'], isTRR: true } });
    expect(resolve).toHaveBeenCalledWith('whoami.akamai.net', []);
  });

  it('reads the page: RTCPeerConnection or null, time zone, languages, random tokens', () => {
    vi.stubGlobal('navigator', { languages: ['de-DE', 'en'] });
    const deps = createBrowserDeps(registry, createLedger());
    expect(deps.RTCPeerConnection).toBeNull();
    expect(deps.timeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(deps.languages()).toEqual(['de-DE', 'en']);
    expect(deps.randomToken(26)).toMatch(/^[a-z0-9]{26}$/);
    expect(deps.randomToken(26)).not.toBe(deps.randomToken(26));
  });

  it('passes an injected gatherer through, and has none otherwise', () => {
    const gather = async () => ({ candidates: [] });
    expect(createBrowserDeps(registry, createLedger(), gather).gather).toBe(gather);
    expect(createBrowserDeps(registry, createLedger()).gather).toBeUndefined();
  });

  it('passes the page RTCPeerConnection through', () => {
    class FakePeer {}
    vi.stubGlobal('RTCPeerConnection', FakePeer);
    expect(createBrowserDeps(registry, createLedger()).RTCPeerConnection).toBe(FakePeer);
  });
});
