// The audit's only door to the browser APIs, so everything else takes plain values and fakes in tests.
import { browser } from '../ext/browser';
import type { SessionArea } from './session-list';

/** storage.session, or null where the browser has none (Chrome < 102, Firefox < 115): the audit then keeps records in memory. */
export function sessionArea(): SessionArea | null {
  const storage = (browser as { storage?: { session?: SessionArea } }).storage;
  return storage?.session ?? null;
}

/** Firefox has runtime.getBrowserInfo; Chrome and Edge do not. */
export function browserTarget(): 'chrome' | 'firefox' {
  const runtime = (browser as { runtime?: { getBrowserInfo?: unknown } }).runtime;
  return typeof runtime?.getBrowserInfo === 'function' ? 'firefox' : 'chrome';
}
