// The background does nothing on its own: no install pages, no pings, no timers.
// It exists so the self-audit can watch this context too (see src/audit).
import { browser } from '../ext/browser';

browser.runtime.onInstalled.addListener(() => {
  // Deliberately empty: many extensions open a web page here; Leakless never does.
});
