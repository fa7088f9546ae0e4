// The background runs a check when a popup asks for one over its port (check-service.ts) and, only when the
// user turned monitoring on (monitor-wiring.ts), on its triggers. Otherwise it does nothing on its own: no
// install or uninstall pages, no pings, no alarms, no timers, no network.
// The self-audit watches this context too (see src/audit).
import { installAudit } from '../audit/install';
import { backgroundAuditSummary } from '../audit/summary';
import { browser } from '../ext/browser';
import { MESSAGE_TYPES } from '../model';
import { handleFloorMessage } from '../test-support/floor';
import { handleMonitorTestMessage } from '../test-support/monitor-hook';
import { handleRogueMessage } from '../test-support/rogue';
import { answerMessage, fromOwnExtension } from './answer';
import { flushLedger, listenForChecks } from './check-service';
import { fireTrigger, listenForMonitoring, observePopupResult } from './monitor-wiring';

declare const __LEAKLESS_TEST__: boolean;

// First, so a violation or a load at startup is seen too.
const watcher = installAudit('background');
// Synchronously at start-up: Chrome wakes a stopped service worker only for listeners added in its first turn.
listenForChecks(observePopupResult);
listenForMonitoring();

browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
  if (!fromOwnExtension(sender, browser.runtime.id)) return undefined;
  const floor = handleFloorMessage(message);
  if (floor !== null) return Promise.resolve(floor);
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) {
    if (handleRogueMessage(message)) return Promise.resolve(true);
    const hooked = handleMonitorTestMessage(message, fireTrigger);
    if (hooked) return hooked;
  }
  // The user asked for a check now (options or history page): not debounced.
  if ((message as { type?: unknown } | null)?.type === MESSAGE_TYPES.monitorCheck) return fireTrigger('user').then(() => true);
  // After the ledger is in storage, so the popup's count includes the check it just watched.
  if ((message as { type?: unknown } | null)?.type === MESSAGE_TYPES.auditSummary)
    return flushLedger().then(() => backgroundAuditSummary(watcher.observed));
  return answerMessage(message, watcher.observed, flushLedger);
});
