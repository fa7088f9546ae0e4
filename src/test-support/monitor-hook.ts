// TEST BUILDS ONLY: a runtime message that fires a monitoring trigger at once, so the e2e tests need not wait
// for an alarm or an idle period. Every body sits behind
// __LEAKLESS_TEST__, `false` in a release build, so the bundler drops it (scripts/audit/dist-scan.ts checks that
// no "test:monitor" string reaches dist/).
import { MONITOR_TRIGGERS, type MonitorTrigger } from '../model';

declare const __LEAKLESS_TEST__: boolean;

/** Background: answers {type:'test:monitor-trigger', trigger} by firing that trigger; null for any other message. */
export function handleMonitorTestMessage(message: unknown, fire: (trigger: MonitorTrigger) => Promise<void>): Promise<boolean> | null {
  if (typeof __LEAKLESS_TEST__ !== 'undefined' && __LEAKLESS_TEST__) {
    if (typeof message !== 'object' || message === null) return null;
    const m = message as { type?: unknown; trigger?: unknown };
    if (m.type !== 'test:monitor-trigger') return null;
    const trigger = (MONITOR_TRIGGERS as readonly unknown[]).includes(m.trigger) ? (m.trigger as MonitorTrigger) : 'test';
    return fire(trigger).then(() => true);
  }
  return null;
}
