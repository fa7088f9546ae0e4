// The probe engine, run in the background for the popup: the network gate and its ledger live here, so the
// popup only renders. Chrome's MV3 service worker has no RTCPeerConnection; there the popup gathers WebRTC
// candidates on request (see remote-gather.ts). Firefox's background page gathers them itself.
import { persistLedger } from '../audit/ledger-store';
import { registry } from '../endpoints';
import { browser } from '../ext/browser';
import { createBrowserDeps } from '../ext/deps';
import { createStore } from '../ext/storage';
import { LOCAL_KEYS } from '../ext/storage-keys';
import type { CheckResults, HostView, Settings } from '../model';
import { createLedger, type Ledger, taggedSink } from '../net';
import type { PortLike } from '../port/protocol';
import { runCheck } from '../probes/run';
import { sanitizeSettings } from '../probes/settings';
import { type Gatherer, gatherCandidates, localPeer } from '../probes/webrtc/gather';
import { decide } from '../verdict';
import { acceptsPort, type CheckEngine, serveCheckPort } from './check-session';

/** Every request the checks made in this background's lifetime; the self-audit reads it (via storage.session). */
export const backgroundLedger: Ledger = createLedger();

/**
 * The real engine: settings from storage.local (never from the message), the real gate, this ledger (each entry
 * tagged `popup`). `finished` sees every completed run (the monitor takes it as its latest result).
 */
export function createBackgroundEngine(ledger: Ledger, finished?: (results: CheckResults) => void): CheckEngine {
  const sink = taggedSink(ledger, 'popup');
  const store = createStore(browser.storage.local, (raw) => sanitizeSettings(raw, registry));
  const Peer = localPeer();
  const localGather: Gatherer | null = Peer ? (urls, deadlineMs) => gatherCandidates(Peer, urls, deadlineMs) : null;
  // Firefox's background page masks host candidates as web pages are masked. Any other gatherer is the popup's
  // (Chrome's worker has no RTCPeerConnection), and Chromium does not mask host candidates in extension pages:
  // what it sees, web pages see only once granted camera or microphone access.
  const viewOf = (gather: Gatherer): HostView => (gather === localGather ? 'pages' : 'privileged');
  // Read once and kept until they change, so a run starts in the turn its request arrives (no storage read
  // between the popup's message and the first request). Warmed now, when the background starts.
  let settings: Promise<Settings> | null = null;
  const loadSettings = watchSettings(() => {
    settings = null;
  })
    ? () => (settings ??= store.loadSettings())
    : store.loadSettings;
  void loadSettings();
  return {
    loadSettings,
    localGather,
    run: async (settings, gather, onUpdate, signal) => {
      const results = await runCheck(createBrowserDeps(registry, sink, gather, viewOf(gather)), settings, onUpdate, undefined, signal);
      if (!signal?.aborted) finished?.(results);
      return results;
    },
    decide,
  };
}

/** Calls `changed` whenever the stored settings change; false when this browser cannot say (then read each time). */
function watchSettings(changed: () => void): boolean {
  try {
    browser.storage.onChanged.addListener((changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && Object.hasOwn(changes, LOCAL_KEYS.settings)) changed();
    });
    return true;
  } catch {
    return false;
  }
}

let listening = false;

let ledgerPersistence: { flush(): Promise<void> } | null = null;

/** Resolves once every request so far is in storage.session, where the audit reads the ledger. */
export const flushLedger = (): Promise<void> => ledgerPersistence?.flush() ?? Promise.resolve();

/**
 * Serves check ports from the popup. Call once, synchronously at the top level of the background script:
 * Chrome only wakes a stopped service worker for listeners registered that way.
 */
export function listenForChecks(finished?: (results: CheckResults) => void): void {
  if (listening) return;
  listening = true;
  ledgerPersistence = persistLedger(backgroundLedger);
  const engine = createBackgroundEngine(backgroundLedger, finished);
  browser.runtime.onConnect.addListener((port: PortLike) => {
    if (acceptsPort(port, browser.runtime.id)) serveCheckPort(port, engine);
  });
}
