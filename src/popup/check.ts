// The popup's wiring to the real browser. The probe engine runs in the background (src/background/
// check-service.ts); the popup asks for runs over a port and renders what comes back. Everything else in
// src/popup takes these as services, so component tests run on fixtures.
import { auditSummary } from '../audit/summary';
import { browser } from '../ext/browser';
import { createStore } from '../ext/storage';
import { CHECK_PORT, type CheckResults } from '../model';
import { gatherCandidates, localPeer } from '../probes/webrtc/gather';
import { createCheckClient } from './check-client';
import type { PopupServices } from './Popup';
import { popupSettings, popupSettingsStore } from './stored-settings';

/** The check the popup starts before its UI, until the UI takes it over. */
interface Early {
  readonly done: Promise<CheckResults>;
  latest: CheckResults | null;
  listener: ((results: CheckResults) => void) | null;
}

export function createPopupServices(): { services: PopupServices } {
  const store = createStore(browser.storage.local, popupSettings);
  const settings = popupSettingsStore(browser.storage.local);
  const client = createCheckClient(
    () => browser.runtime.connect({ name: CHECK_PORT }),
    // The popup page's RTCPeerConnection, read at each request (Chrome's worker has none, so it asks here).
    (urls, deadlineMs) => gatherCandidates(localPeer(), urls, deadlineMs),
  );
  // The first check starts now, before the UI renders or reads storage: the background reads the settings
  // itself, so nothing needs to wait. The UI's first run() adopts it, with the latest update that came before.
  const started: Early = {
    latest: null,
    listener: null,
    done: client.run(undefined, (results) => {
      started.latest = results;
      started.listener?.(results);
    }),
  };
  let early: Early | null = started;
  const adopt = (onUpdate: (results: CheckResults) => void): Promise<CheckResults> | null => {
    const run = early;
    early = null;
    if (!run) return null;
    run.listener = onUpdate;
    if (run.latest) onUpdate(run.latest);
    return run.done;
  };
  const services: PopupServices = {
    loadSettings: settings.load,
    saveSettings: settings.save,
    loadLast: store.loadLastResult,
    saveLast: store.saveLastResult,
    // Only the DNS name count travels; the background reads and sanitizes the rest from storage itself.
    run: (current, onUpdate) => adopt(onUpdate) ?? client.run(current?.dnsNames, onUpdate),
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
