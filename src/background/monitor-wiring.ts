// Opt-in monitoring, wired to the real browser (the logic is src/monitor, with every API injected).
// Off by default. With monitoring off nothing here reaches the network: the listeners that need no permission
// (start-up, install, storage, online) read the stored switch first and stop there; the ones that do need one
// (alarms, idle, notifications) exist only once the user granted it by turning monitoring on, and turning it
// off clears every alarm and gives those permissions back.
import { registry } from '../endpoints';
import { browser } from '../ext/browser';
import { createBrowserDeps } from '../ext/deps';
import { createStore } from '../ext/storage';
import { LOCAL_KEYS, MONITOR_DATA_KEYS, SESSION_KEYS } from '../ext/storage-keys';
import { t, uiLanguage } from '../i18n/t';
import {
  type CheckResults,
  EMPTY_MONITOR_STATE,
  failPending,
  type HistoryEntry,
  type MonitorSettings,
  type MonitorState,
  type MonitorTrigger,
} from '../model';
import { runCheapCheck } from '../monitor/cheap';
import { createMonitor, type Monitor } from '../monitor/engine';
import { readHistory } from '../monitor/history';
import { sanitizeMonitorSettings } from '../monitor/schedule';
import type { TextEnv } from '../monitor/text';
import { monitorVerdict } from '../monitor/verdict';
import { taggedSink } from '../net';
import { runCheck } from '../probes/run';
import { sanitizeSettings } from '../probes/settings';
import { type Gatherer, gatherCandidates, localPeer } from '../probes/webrtc/gather';
import { countryName } from '../ui/names';
import { reasonText } from '../ui/reason';
import { backgroundLedger } from './check-service';

export const BACKSTOP_ALARM = 'leakless-monitor';
export const RETRY_ALARM = 'leakless-monitor-retry';
export const HISTORY_PAGE = 'src/history/index.html';
/** Seconds without input before the browser calls the user idle (the least idle allows is 15). */
const IDLE_SECONDS = 60;

interface Listener<F> {
  addListener(listener: F): void;
  hasListener(listener: F): boolean;
}
interface Alarm {
  readonly name: string;
  readonly periodInMinutes?: number;
}
/** The optional APIs as they appear once granted (undefined before). */
interface OptionalApis {
  alarms?: {
    create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): Promise<void> | void;
    get(name: string): Promise<Alarm | undefined>;
    clearAll(): Promise<boolean>;
    onAlarm: Listener<(alarm: Alarm) => void>;
  };
  idle?: { setDetectionInterval(seconds: number): void; onStateChanged: Listener<(state: string) => void> };
  notifications?: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    clear(id: string): Promise<boolean>;
    onClicked: Listener<(id: string) => void>;
  };
}
const apis = () => browser as unknown as OptionalApis;

const local = browser.storage.local;
const read = async (key: string): Promise<unknown> => {
  try {
    return (await local.get(key))[key];
  } catch {
    return undefined;
  }
};

export const loadMonitorSettings = async (): Promise<MonitorSettings> => sanitizeMonitorSettings(await read(LOCAL_KEYS.monitor));

function readState(raw: unknown): MonitorState {
  if (typeof raw !== 'object' || raw === null) return EMPTY_MONITOR_STATE;
  const v = raw as Partial<MonitorState>;
  return {
    snapshot: typeof v.snapshot === 'object' && v.snapshot !== null && typeof v.snapshot.time === 'number' ? v.snapshot : null,
    lastStart: typeof v.lastStart === 'number' ? v.lastStart : 0,
    lastFailed: v.lastFailed === true,
    notifiedKey: typeof v.notifiedKey === 'string' ? v.notifiedKey : null,
  };
}

const text: TextEnv = {
  t,
  countryName: (code) => countryName(code, uiLanguage()),
  time: (ms) => new Date(ms).toLocaleTimeString(uiLanguage(), { hour: '2-digit', minute: '2-digit' }),
};

/** Chrome's worker has no RTCPeerConnection and monitoring asks for no offscreen document: WebRTC stays the popup's. */
const NO_GATHER: Gatherer = async () => ({ candidates: [], problem: { code: 'unavailable', detail: 'monitor' } });

function createRealMonitor(): Monitor {
  const store = createStore(local, (raw) => sanitizeSettings(raw, registry));
  const Peer = localPeer();
  const gather: Gatherer | null = Peer ? (urls, deadlineMs) => gatherCandidates(Peer, urls, deadlineMs) : null;
  const depsFor = (trigger: MonitorTrigger) =>
    createBrowserDeps(registry, taggedSink(backgroundLedger, `monitor:${trigger}`), gather ?? NO_GATHER, 'pages');
  let badgeText: string | null = null;
  return createMonitor({
    now: Date.now,
    loadSettings: loadMonitorSettings,
    loadState: async () => readState(await read(LOCAL_KEYS.monitorState)),
    saveState: (state) => local.set({ [LOCAL_KEYS.monitorState]: state }),
    loadHistory: async () => readHistory(await read(LOCAL_KEYS.monitorHistory)),
    saveHistory: (list: readonly HistoryEntry[]) => local.set({ [LOCAL_KEYS.monitorHistory]: list }),
    saveLast: (results) => local.set({ [LOCAL_KEYS.monitorLast]: results }),
    runCheap: async (trigger) => runCheapCheck(depsFor(trigger), await store.loadSettings()),
    runFull: async (trigger) => failPending(await runCheck(depsFor(trigger), await store.loadSettings(), () => undefined)),
    verdict: (results) => monitorVerdict(results, gather !== null),
    reasonText: (reason) => reasonText({ t, lang: uiLanguage() }, reason),
    text,
    async setBadge(look, title) {
      if (badgeText !== look.text) {
        await browser.action.setBadgeText({ text: look.text });
        if (look.text) await browser.action.setBadgeBackgroundColor({ color: look.color });
        badgeText = look.text;
      }
      await browser.action.setTitle({ title });
    },
    async notify(title, message) {
      const notifications = apis().notifications;
      if (!notifications) return;
      await notifications.create(`leakless-monitor-${Date.now()}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('icons/128.png'),
        title,
        message,
      });
    },
    async scheduleRetry(at) {
      await apis().alarms?.create(RETRY_ALARM, { when: at });
    },
  });
}

let monitor: Monitor | null = null;
const theMonitor = (): Monitor => {
  monitor ??= createRealMonitor();
  return monitor;
};

/** Fires a trigger (the test hook and the options page's "check now" use it). */
export const fireTrigger = (trigger: MonitorTrigger): Promise<void> => theMonitor().trigger(trigger);

/** The popup's finished check, taken as the monitor's latest result when monitoring is on. */
export const observePopupResult = (results: CheckResults): void => void theMonitor().observeFull(results, 'popup');

const onAlarm = (alarm: Alarm) => {
  if (alarm.name === BACKSTOP_ALARM) void fireTrigger('alarm');
  else if (alarm.name === RETRY_ALARM) void fireTrigger('retry');
};
const onIdle = (state: string) => {
  // 'active' comes only after 'idle' or 'locked': the user is back, perhaps on another network.
  if (state === 'active') void fireTrigger('idle');
};
const onNotificationClicked = (id: string) => {
  if (!id.startsWith('leakless-monitor-')) return;
  void browser.tabs.create({ url: browser.runtime.getURL(HISTORY_PAGE) });
  void apis().notifications?.clear(id);
};

/** Adds the listeners of the optional APIs that are granted now; safe to call again (after permissions.onAdded). */
function listenToGrantedApis(): void {
  const { alarms, idle, notifications } = apis();
  if (alarms && !alarms.onAlarm.hasListener(onAlarm)) alarms.onAlarm.addListener(onAlarm);
  if (idle && !idle.onStateChanged.hasListener(onIdle)) idle.onStateChanged.addListener(onIdle);
  if (notifications && !notifications.onClicked.hasListener(onNotificationClicked))
    notifications.onClicked.addListener(onNotificationClicked);
}

/** Brings alarms and idle detection in line with the settings; turning off wipes the monitor's data. */
async function apply(settings: MonitorSettings): Promise<void> {
  const { alarms, idle } = apis();
  if (!settings.on) {
    await alarms?.clearAll();
    await local.remove([...MONITOR_DATA_KEYS]);
    await theMonitor().refreshBadge();
    return;
  }
  listenToGrantedApis();
  idle?.setDetectionInterval(IDLE_SECONDS);
  const existing = await alarms?.get(BACKSTOP_ALARM);
  if (alarms && existing?.periodInMinutes !== settings.periodMin) {
    await alarms.create(BACKSTOP_ALARM, { delayInMinutes: settings.periodMin, periodInMinutes: settings.periodMin });
  }
}

let firstWake: Promise<boolean> | null = null;
/** True once per browser session (and after an update or reload, which also empty storage.session). */
function firstWakeThisSession(): Promise<boolean> {
  firstWake ??= (async () => {
    const session = (browser.storage as unknown as { session?: typeof local }).session;
    if (!session) return false;
    if ((await session.get(SESSION_KEYS.monitorStarted))[SESSION_KEYS.monitorStarted] === true) return false;
    await session.set({ [SESSION_KEYS.monitorStarted]: true });
    return true;
  })().catch(() => false);
  return firstWake;
}

const guarded = (work: () => Promise<void>) => void work().catch((error) => console.error('leakless: monitor', error));

/**
 * Registers every monitoring listener. Call once, synchronously at the top level of the background script:
 * Chrome wakes a stopped service worker only for listeners added in its first turn.
 */
export function listenForMonitoring(): void {
  listenToGrantedApis();
  browser.permissions.onAdded.addListener(listenToGrantedApis);
  // A browser start: runtime.onStartup wakes the background, but Chrome does not send it to an extension loaded
  // from the command line, so the first wake in a browser session (storage.session is empty then) counts too.
  const onStart = () =>
    guarded(async () => {
      if (!(await firstWakeThisSession())) return;
      const settings = await loadMonitorSettings();
      await apply(settings);
      if (settings.on) await fireTrigger('startup');
    });
  browser.runtime.onStartup.addListener(onStart);
  onStart();
  // Install and update: nothing runs, but alarms are brought in line (none at all while monitoring is off).
  browser.runtime.onInstalled.addListener(() => guarded(async () => apply(await loadMonitorSettings())));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(LOCAL_KEYS.monitor in changes)) return;
    const was = sanitizeMonitorSettings(changes[LOCAL_KEYS.monitor]?.oldValue);
    const now = sanitizeMonitorSettings(changes[LOCAL_KEYS.monitor]?.newValue);
    guarded(async () => {
      await apply(now);
      if (now.on && !was.on) await fireTrigger('user');
    });
  });
  // Network changes the browser shows without any permission: only while this worker or page is alive.
  const onNetwork = () => void fireTrigger('network');
  globalThis.addEventListener?.('online', onNetwork);
  const connection = (globalThis.navigator as Navigator & { connection?: EventTarget }).connection;
  connection?.addEventListener?.('change', onNetwork);
}
