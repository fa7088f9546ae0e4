import { afterEach, describe, expect, it, vi } from 'vitest';
import { readOwnFile } from './own-files';

const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

afterEach(() => vi.unstubAllGlobals());

describe('reading the extension’s own files', () => {
  it('fetches a packaged path from the extension’s origin, sending nothing', async () => {
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    expect(await readOwnFile('assets/a-1.js', ORIGIN)).toEqual(new TextEncoder().encode('{}'));
    expect(fetch).toHaveBeenCalledWith(new URL(`${ORIGIN}/assets/a-1.js`), {
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  });

  it.each(['//evil.example/x', 'https://evil.example/x', '../x', '/etc/passwd', 'a/../../x', 'a?b'])('refuses %s', async (path) => {
    vi.stubGlobal('fetch', vi.fn());
    await expect(readOwnFile(path, ORIGIN)).rejects.toThrow(`not one of the packaged files: ${path}`);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fails on a missing file', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }));
    await expect(readOwnFile('gone.js', ORIGIN)).rejects.toThrow('gone.js: HTTP 404');
  });
});
