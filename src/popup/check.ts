// The popup's wiring to the real browser and engine. Everything else in src/popup takes these as services,
// so component tests run on fixtures.
import { registry } from '../endpoints';
import { browser } from '../ext/browser';
import { createBrowserDeps } from '../ext/deps';
import { createStore } from '../ext/storage';
import { createLedger, type Ledger } from '../net';
import { runCheck } from '../probes/run';
import { sanitizeSettings } from '../probes/settings';
import { decide } from '../verdict';
import type { PopupServices } from './Popup';

export function createPopupServices(): { services: PopupServices; ledger: Ledger } {
  const ledger = createLedger();
  const store = createStore(browser.storage.local, (raw) => sanitizeSettings(raw, registry));
  // The probes run here, in the popup page: Chrome's service worker has no RTCPeerConnection.
  const deps = createBrowserDeps(registry, ledger);
  const services: PopupServices = {
    loadSettings: store.loadSettings,
    saveSettings: store.saveSettings,
    loadLast: store.loadLastResult,
    saveLast: store.saveLastResult,
    run: (settings, onUpdate) => runCheck(deps, settings, onUpdate),
    decide,
    // Local clipboard only: nothing leaves the machine.
    copy: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    auditUrl: browser.runtime.getURL('src/audit/index.html'),
    now: Date.now,
  };
  return { services, ledger };
}
