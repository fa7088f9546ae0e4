// The background runs a check only when a popup asks for one over its port (check-service.ts), and does
// nothing on its own: no install or uninstall pages, no pings, no alarms, no timers, no network.
// The self-audit watches this context too (see src/audit).
import { installAudit } from '../audit/install';
import { browser } from '../ext/browser';
import { handleFloorMessage } from '../test-support/floor';
import { handleRogueMessage } from '../test-support/rogue';
import { answerMessage, fromOwnExtension } from './answer';
import { flushLedger, listenForChecks } from './check-service';

declare const __LEAKLESS_TEST__: boolean;

// First, so a violation or a load at startup is seen too.
const watcher = installAudit('background');
// Synchronously at start-up: Chrome wakes a stopped service worker only for listeners added in its first turn.
listenForChecks();

browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  if (!fromOwnExtension(sender, browser.runtime.id)) return undefined;
  const floor = handleFloorMessage(message);
  if (floor !== null) return Promise.resolve(floor);
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__ && handleRogueMessage(message)) return Promise.resolve(true);
  return answerMessage(message, watcher.observed, flushLedger);
});
