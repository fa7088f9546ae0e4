// The popup's wiring to the real browser. The probe engine runs in the background (src/background/
// check-service.ts); the popup asks for runs over a port and renders what comes back. Everything else in
// src/popup takes these as services, so component tests run on fixtures.
import { auditSummary } from '../audit/summary';
import { browser } from '../ext/browser';
import { createStore } from '../ext/storage';
import { CHECK_PORT } from '../model';
import { gatherCandidates, localPeer } from '../probes/webrtc/gather';
import { createCheckClient } from './check-client';
import type { PopupServices } from './Popup';
import { popupSettings, popupSettingsStore } from './stored-settings';

export function createPopupServices(): { services: PopupServices } {
  const store = createStore(browser.storage.local, popupSettings);
  const settings = popupSettingsStore(browser.storage.local);
  const client = createCheckClient(
    () => browser.runtime.connect({ name: CHECK_PORT }),
    // The popup page's RTCPeerConnection, read at each request (Chrome's worker has none, so it asks here).
    (urls, deadlineMs) => gatherCandidates(localPeer(), urls, deadlineMs),
  );
  const services: PopupServices = {
    loadSettings: settings.load,
    saveSettings: settings.save,
    loadLast: store.loadLastResult,
    saveLast: store.saveLastResult,
    // Only the DNS name count travels; the background reads and sanitizes the rest from storage itself.
    run: (current, onUpdate) => client.run(current.dnsNames, onUpdate),
    decide: client.decide,
    // Local clipboard only: nothing leaves the machine.
    copy: (text) => navigator.clipboard.writeText(text),
    openOptions: () => void browser.runtime.openOptionsPage(),
    auditUrl: browser.runtime.getURL('src/audit/index.html'),
    auditSummary: () => auditSummary(),
    now: Date.now,
  };
  return { services };
}
