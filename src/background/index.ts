// The background does nothing on its own: no install or uninstall pages, no pings, no alarms, no timers,
// no network. It exists so the self-audit can watch this context too (see src/audit).
import { installAudit } from '../audit/install';
import { handleRogueMessage } from '../endpoints/rogue';
import { browser } from '../ext/browser';
import { answerMessage } from './answer';

declare const __LEAKLESS_TEST__: boolean;

// First, so a violation or a load at startup is seen too.
const watcher = installAudit('background');

browser.runtime.onMessage.addListener((message: unknown) => {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__ && handleRogueMessage(message)) return Promise.resolve(true);
  return answerMessage(message, watcher.observed);
});
