// The options page's side of monitoring: the permissions it asks for, and the stored switch the background
// acts on (src/background/monitor-wiring.ts listens to it: alarms, the first check, wiping on "off").
import { browser } from '../ext/browser';
import { LOCAL_KEYS, MONITOR_DATA_KEYS } from '../ext/storage-keys';
import { MESSAGE_TYPES, MONITOR_PERMISSIONS } from '../model';
import { sanitizeMonitorSettings } from '../monitor/schedule';
import type { MonitorControls } from './Monitor';

interface Permissions {
  request(p: { permissions: string[] }): Promise<boolean>;
  contains(p: { permissions: string[] }): Promise<boolean>;
  remove(p: { permissions: string[] }): Promise<boolean>;
}

export function createMonitorControls(firefox: boolean): MonitorControls {
  const local = browser.storage.local;
  const permissions = browser.permissions as unknown as Permissions;
  // Only what this manifest lists as optional: Firefox has `alarms` required, and refuses a request for it.
  const optional = (browser.runtime.getManifest() as { optional_permissions?: string[] }).optional_permissions ?? [];
  const wanted = { permissions: MONITOR_PERMISSIONS.filter((p) => optional.includes(p)) };
  const save = (on: boolean, periodMin: number) => local.set({ [LOCAL_KEYS.monitor]: { on, periodMin } });
  const load = async () => sanitizeMonitorSettings((await local.get(LOCAL_KEYS.monitor))[LOCAL_KEYS.monitor]);

  return {
    load,
    async turnOn(periodMin) {
      let granted: boolean;
      try {
        granted = wanted.permissions.length === 0 || (await permissions.request(wanted));
      } catch {
        // A build that grants them at install (tests) may not request them again: granted is what counts.
        granted = await permissions.contains(wanted).catch(() => false);
      }
      if (granted) await save(true, periodMin);
      return granted;
    },
    async turnOff(periodMin) {
      await (browser as unknown as { alarms?: { clearAll(): Promise<boolean> } }).alarms?.clearAll();
      await local.remove([...MONITOR_DATA_KEYS]);
      await save(false, periodMin);
      // A build that grants them at install cannot give them back; nothing uses them while off anyway.
      if (wanted.permissions.length > 0) await permissions.remove(wanted).catch(() => false);
    },
    async setPeriod(periodMin) {
      await save((await load()).on, periodMin);
    },
    async checkNow() {
      await browser.runtime.sendMessage({ type: MESSAGE_TYPES.monitorCheck });
    },
    historyUrl: browser.runtime.getURL('src/history/index.html'),
    webrtcInBackground: firefox,
  };
}
