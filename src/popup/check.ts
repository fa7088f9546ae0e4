// The popup's wiring to the real browser. The probe engine runs in the background (src/background/
// check-service.ts); the popup asks for runs over a port and renders what comes back. Everything else in
// src/popup takes these as services, so component tests run on fixtures.
import { browser } from '../ext/browser';
import { createStore, isCheckResults } from '../ext/storage';
import { LOCAL_KEYS } from '../ext/storage-keys';
import { type CheckResults, MESSAGE_TYPES } from '../model';
import type { StartedCheck } from './early';
import { readAuditSummary } from './messages';
import type { PopupServices } from './Popup';
import { popupSettings, popupSettingsStore } from './stored-settings';

/** The monitor's last full result while monitoring is on (src/background/monitor-wiring.ts keeps it). */
function monitored(stored: Record<string, unknown>): CheckResults | null {
  const on = (stored[LOCAL_KEYS.monitor] as { on?: unknown } | undefined)?.on === true;
  const last = stored[LOCAL_KEYS.monitorLast];
  return on && isCheckResults(last) ? last : null;
}

/** The popup's services around the check start.ts already started. */
export function createPopupServices({ client, adopt }: StartedCheck): { services: PopupServices } {
  const local = browser.storage.local;
  const store = createStore(browser.storage.local, popupSettings);
  const settings = popupSettingsStore(browser.storage.local);
  const services: PopupServices = {
    loadSettings: settings.load,
    saveSettings: settings.save,
    // The remembered result, or else the monitor's latest: the first paint already has an answer.
    loadLast: async () => (await store.loadLastResult()) ?? monitored(await local.get([LOCAL_KEYS.monitor, LOCAL_KEYS.monitorLast])),
    saveLast: store.saveLastResult,
    // Only the DNS name count travels; the background reads and sanitizes the rest from storage itself.
    run: (current, onUpdate) => adopt(onUpdate) ?? client.run(current?.dnsNames, onUpdate),
    decide: client.decide,
    // Local clipboard only: nothing leaves the machine.
    copy: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    auditUrl: browser.runtime.getURL('src/audit/index.html'),
    // Counted by the background: the audit's rules and the registry stay out of the popup's size budget.
    auditSummary: async () => readAuditSummary(await browser.runtime.sendMessage({ type: MESSAGE_TYPES.auditSummary })),
    now: Date.now,
    monitorOff: async () => ((await local.get(LOCAL_KEYS.monitor))[LOCAL_KEYS.monitor] as { on?: unknown } | undefined)?.on !== true,
  };
  return { services };
}
