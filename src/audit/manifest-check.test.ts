import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../endpoints';
import { makeManifest, type Target } from '../manifest/derive';
import { EXPECTED_OPTIONAL_PERMISSIONS, EXPECTED_PERMISSIONS, manifestFindings } from './manifest-check';
import type { RunningManifest } from './types';

const read = (path: string) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

describe('manifest check against the manifests the build makes', () => {
  for (const target of ['chrome', 'firefox'] as Target[]) {
    for (const server of [null, 'https://check.example.org']) {
      it(`${target}${server ? ' with a server' : ''}: the built manifest passes, and expectations equal the build's`, () => {
        const registry = buildRegistry(server);
        const built = makeManifest({ base: read('manifest.json'), pkg: read('package.json'), registry, target }) as RunningManifest;
        expect(built.permissions).toEqual(EXPECTED_PERMISSIONS[target]);
        expect(built.optional_permissions).toEqual(EXPECTED_OPTIONAL_PERMISSIONS[target]);
        expect(manifestFindings(built, registry, target)).toEqual([]);
      });
    }
  }

  it('a public-only manifest fails in a server build (its hosts and CSP are missing)', () => {
    const built = makeManifest({ base: read('manifest.json'), pkg: read('package.json'), registry: buildRegistry(null), target: 'chrome' });
    const codes = manifestFindings(built as RunningManifest, buildRegistry('https://check.example.org'), 'chrome').map((f) => f.code);
    expect(codes).toEqual(['host-permissions-drift', 'csp-drift']);
  });

  it('tolerates whitespace differences in the CSP only', () => {
    const registry = buildRegistry(null);
    const built = makeManifest({ base: read('manifest.json'), pkg: read('package.json'), registry, target: 'chrome' }) as RunningManifest;
    const csp = (built.content_security_policy as { extension_pages: string }).extension_pages;
    const spaced = { ...built, content_security_policy: { extension_pages: ` ${csp.replace(/; /g, ';  ')} ` } };
    expect(manifestFindings(spaced, registry, 'chrome')).toEqual([]);
    const widened = {
      ...built,
      content_security_policy: { extension_pages: csp.replace("img-src 'self' data:", "img-src 'self' data: https:") },
    };
    expect(manifestFindings(widened, registry, 'chrome').map((f) => f.code)).toEqual(['csp-drift']);
  });
});
