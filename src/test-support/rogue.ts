// TEST BUILDS ONLY: requests to hosts that are in no registry, fired on purpose so the e2e tests can prove
// the CSP blocks them and the self-audit reports them. Every body sits behind __LEAKLESS_TEST__, which
// is `false` in a release build, so the bundler drops the URLs and the calls (scripts/static-audit.ts
// checks that no "rogue" string reaches dist/).
import { browser } from '../ext/browser';

declare const __LEAKLESS_TEST__: boolean;

/** Straight fetch (not through the gate) and an <img>, from an extension page; the CSP must refuse both. */
export function fireRogueRequests(doc: Document = document): void {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) {
    fetch('https://fetch.rogue.leakless.test/x').catch(() => undefined);
    const img = doc.createElement('img');
    img.alt = '';
    img.src = 'https://img.rogue.leakless.test/x.png';
    doc.body.append(img);
  }
}

/** Popup startup: `?rogue=1` fires the page's rogue requests and asks the background to fire its own. */
export function maybeFireRogue(location: Pick<Location, 'search'>, doc: Document = document): void {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) {
    if (new URLSearchParams(location.search).get('rogue') !== '1') return;
    fireRogueRequests(doc);
    browser.runtime.sendMessage({ type: 'test:rogue' }).catch(() => undefined);
  }
}

/** Background: answers {type:'test:rogue'} by fetching a rogue URL from the service worker / background page. */
export function handleRogueMessage(message: unknown): boolean {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) {
    if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'test:rogue') return false;
    fetch('https://bg.rogue.leakless.test/x').catch(() => undefined);
    return true;
  }
  return false;
}
