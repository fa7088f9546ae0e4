// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireRogueRequests, handleRogueMessage, maybeFireRogue } from '../../src/test-support/rogue';

const sendMessage = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../../src/ext/browser', () => ({ browser: { runtime: { sendMessage } } }));

const g = globalThis as { __LEAKLESS_TEST__?: boolean };

afterEach(() => {
  delete g.__LEAKLESS_TEST__;
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

function stubFetch() {
  const fetch = vi.fn(async () => new Response(''));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('rogue requests (test builds only)', () => {
  it('do nothing unless the build is a test build', () => {
    const fetch = stubFetch();
    for (const flag of [undefined, false]) {
      if (flag === undefined) delete g.__LEAKLESS_TEST__;
      else g.__LEAKLESS_TEST__ = flag;
      fireRogueRequests();
      maybeFireRogue({ search: '?rogue=1' });
      expect(handleRogueMessage({ type: 'test:rogue' })).toBe(false);
    }
    expect(fetch).not.toHaveBeenCalled();
    expect(document.querySelector('img')).toBeNull();
  });

  it('fire a direct fetch and an <img> from the page in a test build', () => {
    g.__LEAKLESS_TEST__ = true;
    const fetch = stubFetch();
    fireRogueRequests();
    expect(fetch).toHaveBeenCalledWith('https://fetch.rogue.leakless.test/x');
    expect(document.querySelector('img')?.getAttribute('src')).toBe('https://img.rogue.leakless.test/x.png');
  });

  it('fire from the popup only with ?rogue=1', () => {
    g.__LEAKLESS_TEST__ = true;
    const fetch = stubFetch();
    maybeFireRogue({ search: '?rogue=0' });
    maybeFireRogue({ search: '' });
    expect(fetch).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
    maybeFireRogue({ search: '?rogue=1' });
    expect(fetch).toHaveBeenCalledOnce();
    expect(document.querySelectorAll('img')).toHaveLength(1);
    expect(sendMessage).toHaveBeenCalledExactlyOnceWith({ type: 'test:rogue' });
  });

  it('the background fires only for its own message', () => {
    g.__LEAKLESS_TEST__ = true;
    const fetch = stubFetch();
    expect(handleRogueMessage({ type: 'audit:observed' })).toBe(false);
    expect(handleRogueMessage(null)).toBe(false);
    expect(handleRogueMessage({ type: 'test:rogue' })).toBe(true);
    expect(fetch).toHaveBeenCalledExactlyOnceWith('https://bg.rogue.leakless.test/x');
  });
});
