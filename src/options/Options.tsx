import { useEffect, useState } from 'preact/hooks';
import type { Registry } from '../endpoints';
import type { Store } from '../ext/storage';
import type { WebRtcPolicy } from '../ext/webrtc-policy';
import type { Settings } from '../model';
import { useEnv } from '../ui/env';
import { Monitor, type MonitorControls } from './Monitor';
import { type ProbeList, Providers } from './Providers';
import { WebRtcProtection } from './WebRtcProtection';

export interface OptionsServices {
  readonly store: Pick<Store, 'loadSettings' | 'saveSettings' | 'loadRemember' | 'saveRemember' | 'clearStoredData'>;
  readonly registry: Registry;
  /** Endpoint ids a user may pick per probe (settingChoices of the registry). */
  readonly choices: Readonly<Record<ProbeList, readonly string[]>>;
  readonly dnsNames: readonly number[];
  readonly policy: WebRtcPolicy;
  /** Opt-in monitoring; absent in tests that do not need it. */
  readonly monitor?: MonitorControls;
}

type Status = '' | 'optionsSaved' | 'optionsSaveFailed' | 'optionsCleared';

export function Options({ services }: { services: OptionsServices }) {
  const { t } = useEnv();
  const { store } = services;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [remember, setRemember] = useState(false);
  const [deadline, setDeadline] = useState('');
  const [status, setStatus] = useState<Status>('');

  async function load() {
    const [loaded, remembered] = await Promise.all([store.loadSettings(), store.loadRemember()]);
    setSettings(loaded);
    setRemember(remembered);
    setDeadline(String(Math.round(loaded.deadlineMs / 1000)));
  }
  useEffect(() => void load(), []);

  async function save(action: () => Promise<void>, done: Status = 'optionsSaved') {
    try {
      await action();
      setStatus(done);
    } catch {
      setStatus('optionsSaveFailed');
    }
  }
  const update = (patch: Partial<Settings>) =>
    settings && save(async () => setSettings(await store.saveSettings({ ...settings, ...patch })));

  async function clear() {
    await store.clearStoredData();
    await load();
  }

  if (!settings) return <main aria-busy="true" />;
  const seconds = Number(deadline);
  const deadlineValid = /^\d+$/.test(deadline) && seconds >= 1 && seconds <= 30;

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="status" role="status" aria-live="polite" data-testid="options-status">
        {status ? t(status) : ''}
      </p>
      {services.monitor ? <Monitor controls={services.monitor} /> : null}
      <Providers
        registry={services.registry}
        choices={services.choices}
        settings={settings}
        onChange={(probe, ids) => update({ [probe]: ids })}
      />
      <section aria-labelledby="check-title">
        <h2 id="check-title">{t('optionsCheck')}</h2>
        <fieldset>
          <legend>{t('optionsDnsSize')}</legend>
          {services.dnsNames.map((n, i) => (
            <div class="choice" key={n}>
              <input
                type="radio"
                name="dns-size"
                id={`dns-${n}`}
                checked={settings.dnsNames === n}
                onChange={() => update({ dnsNames: n })}
              />
              <label for={`dns-${n}`}>{t(i === 0 ? 'optionsDnsSmall' : 'optionsDnsLarge')}</label>
            </div>
          ))}
        </fieldset>
        <label for="deadline">{t('optionsDeadline')}</label>
        <input
          id="deadline"
          type="number"
          min={1}
          max={30}
          step={1}
          value={deadline}
          aria-invalid={!deadlineValid}
          aria-describedby={deadlineValid ? undefined : 'deadline-error'}
          onInput={(e) => {
            const text = e.currentTarget.value.trim();
            setDeadline(text);
            const s = Number(text);
            if (/^\d+$/.test(text) && s >= 1 && s <= 30) update({ deadlineMs: s * 1000 });
          }}
        />
        {deadlineValid ? null : (
          <p class="warn" id="deadline-error">
            {t('optionsDeadlineInvalid')}
          </p>
        )}
      </section>
      <section aria-labelledby="storage-title">
        <h2 id="storage-title">{t('optionsStorage')}</h2>
        <div class="choice">
          <input
            type="checkbox"
            role="switch"
            id="remember"
            aria-describedby="remember-help"
            checked={remember}
            aria-checked={remember}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              void save(async () => {
                await store.saveRemember(on);
                setRemember(on);
              });
            }}
          />
          <label for="remember">{t('optionsRemember')}</label>
          <p class="help" id="remember-help">
            {t('optionsRememberHelp')}
          </p>
        </div>
        <button type="button" onClick={() => void save(clear, 'optionsCleared')}>
          {t('optionsClear')}
        </button>
      </section>
      <WebRtcProtection policy={services.policy} onSaved={(ok) => setStatus(ok ? 'optionsSaved' : 'optionsSaveFailed')} />
    </main>
  );
}
