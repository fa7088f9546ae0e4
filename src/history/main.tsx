// The monitoring history page: the changes the monitor saw, newest first; export as JSON; clear. Local only.
import { render } from 'preact';
import { exportJson } from '../audit/export';
import { installAudit } from '../audit/install';
import { registry } from '../endpoints';
import { browser } from '../ext/browser';
import { LOCAL_KEYS } from '../ext/storage-keys';
import { t, uiLanguage } from '../i18n/t';
import { EMPTY_MONITOR_STATE, MESSAGE_TYPES, type MonitorState } from '../model';
import { historyJson, readHistory } from '../monitor/history';
import { sanitizeMonitorSettings } from '../monitor/schedule';
import { Env, type UiEnv } from '../ui/env';
import { countryName, providerNamer } from '../ui/names';
import { History, type HistoryServices } from './History';

installAudit('history');

const env: UiEnv = { t, lang: uiLanguage(), providerName: providerNamer(registry) };
document.documentElement.lang = env.lang;
document.title = t('historyTitle');

const local = browser.storage.local;
const services: HistoryServices = {
  async load() {
    const stored = await local.get([LOCAL_KEYS.monitor, LOCAL_KEYS.monitorState, LOCAL_KEYS.monitorHistory]);
    const state = stored[LOCAL_KEYS.monitorState];
    return {
      settings: sanitizeMonitorSettings(stored[LOCAL_KEYS.monitor]),
      state: typeof state === 'object' && state !== null ? ({ ...EMPTY_MONITOR_STATE, ...state } as MonitorState) : EMPTY_MONITOR_STATE,
      history: readHistory(stored[LOCAL_KEYS.monitorHistory]),
    };
  },
  exportJson: (history) => exportJson(historyJson(history, Date.now()), 'leakless-monitor-history.json'),
  clear: () => local.remove(LOCAL_KEYS.monitorHistory),
  checkNow: () => browser.runtime.sendMessage({ type: MESSAGE_TYPES.monitorCheck }).then(() => undefined),
  text: {
    t,
    countryName: (code) => countryName(code, env.lang),
    time: (ms) => new Date(ms).toLocaleTimeString(env.lang),
  },
};

const root = document.getElementById('app');
if (root) {
  render(
    <Env.Provider value={env}>
      <History services={services} />
    </Env.Provider>,
    root,
  );
}
