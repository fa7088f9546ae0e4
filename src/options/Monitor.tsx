import { useEffect, useState } from 'preact/hooks';
import { MONITOR_PERIODS, type MonitorSettings } from '../model';
import { requestsPerDay } from '../monitor/schedule';
import { useEnv } from '../ui/env';

/** Requests of one cheap check: one IPv4 and one IPv6 answer (measured by the e2e tests and the bench). */
export const CHEAP_CHECK_REQUESTS = 2;

/** Monitoring as the options page drives it; monitor-controls.ts gives the real one. */
export interface MonitorControls {
  load(): Promise<MonitorSettings>;
  /**
   * Asks for the optional permissions, then turns monitoring on. Call it straight from the click, with no await
   * before it: browsers show the permission prompt only for a user action. Resolves false when refused.
   */
  turnOn(periodMin: number): Promise<boolean>;
  /** Turns monitoring off: alarms cleared, history and monitor data deleted, permissions given back. */
  turnOff(periodMin: number): Promise<void>;
  setPeriod(periodMin: number): Promise<void>;
  checkNow(): Promise<void>;
  readonly historyUrl: string;
  /** False in Chrome: its background has no WebRTC, which then stays the popup's. */
  readonly webrtcInBackground: boolean;
}

type Status = '' | 'optionsSaved' | 'optionsSaveFailed' | 'optionsMonitorDenied' | 'optionsMonitorChecked';

export function Monitor({ controls }: { controls: MonitorControls }) {
  const { t } = useEnv();
  const [settings, setSettings] = useState<MonitorSettings | null>(null);
  const [status, setStatus] = useState<Status>('');

  useEffect(() => {
    controls.load().then(setSettings, () => setStatus('optionsSaveFailed'));
  }, []);

  if (!settings) return null;
  const { on, periodMin } = settings;

  function toggle(want: boolean) {
    // No await before turnOn(): the permission prompt must run inside this click.
    const work = want ? controls.turnOn(periodMin) : controls.turnOff(periodMin).then(() => true);
    work.then(
      (ok) => {
        if (ok) setSettings({ on: want, periodMin });
        setStatus(ok ? 'optionsSaved' : 'optionsMonitorDenied');
      },
      () => setStatus('optionsSaveFailed'),
    );
  }

  function choosePeriod(minutes: number) {
    controls.setPeriod(minutes).then(
      () => {
        setSettings({ on, periodMin: minutes });
        setStatus('optionsSaved');
      },
      () => setStatus('optionsSaveFailed'),
    );
  }

  return (
    <section aria-labelledby="monitor-title" data-testid="monitor">
      <h2 id="monitor-title">{t('optionsMonitorTitle')}</h2>
      <div class="choice">
        <input
          type="checkbox"
          role="switch"
          id="monitor-on"
          aria-describedby="monitor-help"
          checked={on}
          aria-checked={on}
          onChange={(e) => toggle(e.currentTarget.checked)}
        />
        <label for="monitor-on">{t('optionsMonitorSwitch')}</label>
        <p class="help" id="monitor-help">
          {t('optionsMonitorHelp')} {t('optionsMonitorCost', String(requestsPerDay(periodMin, CHEAP_CHECK_REQUESTS)))}{' '}
          {t('optionsMonitorOffNote')}
        </p>
        {controls.webrtcInBackground ? null : <p class="help">{t('optionsMonitorWebrtcPopup')}</p>}
      </div>
      <fieldset>
        <legend>{t('optionsMonitorPeriod')}</legend>
        {MONITOR_PERIODS.map((minutes) => (
          <div class="choice" key={minutes}>
            <input
              type="radio"
              name="monitor-period"
              id={`monitor-period-${minutes}`}
              checked={periodMin === minutes}
              onChange={() => choosePeriod(minutes)}
            />
            <label for={`monitor-period-${minutes}`}>{t('optionsMonitorMinutes', String(minutes))}</label>
          </div>
        ))}
      </fieldset>
      {on ? (
        <p>
          <button
            type="button"
            onClick={() =>
              controls.checkNow().then(
                () => setStatus('optionsMonitorChecked'),
                () => setStatus('optionsSaveFailed'),
              )
            }
          >
            {t('optionsMonitorCheckNow')}
          </button>{' '}
          <a href={controls.historyUrl} target="_blank" rel="noopener">
            {t('optionsMonitorHistory')}
          </a>
        </p>
      ) : null}
      <p class="status" role="status" aria-live="polite" data-testid="monitor-status">
        {status ? t(status) : ''}
      </p>
    </section>
  );
}
