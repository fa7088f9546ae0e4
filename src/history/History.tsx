import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry, MonitorSettings, MonitorState } from '../model';
import { changeLine, type TextEnv } from '../monitor/text';
import { useEnv } from '../ui/env';

export interface HistoryServices {
  load(): Promise<{ settings: MonitorSettings; state: MonitorState; history: HistoryEntry[] }>;
  exportJson(history: readonly HistoryEntry[]): Promise<'saved' | 'copied' | 'failed'>;
  clear(): Promise<void>;
  checkNow(): Promise<void>;
  readonly text: TextEnv;
}

const LEVEL_KEYS = { leak: 'levelLeak', clean: 'levelClean', unknown: 'levelUnknown' } as const;

export function History({ services }: { services: HistoryServices }) {
  const { t } = useEnv();
  const [data, setData] = useState<Awaited<ReturnType<HistoryServices['load']>> | null>(null);
  const [status, setStatus] = useState('');

  const reload = () => services.load().then(setData, () => setStatus(t('optionsSaveFailed')));
  useEffect(() => void reload(), []);

  if (!data) return <main aria-busy="true" />;
  const { settings, state, history } = data;
  const snapshot = state.snapshot;
  const when = (ms: number) => new Date(ms).toLocaleString();

  return (
    <main>
      <h1>{t('historyTitle')}</h1>
      <p data-testid="history-latest">
        {!settings.on
          ? t('historyOff')
          : snapshot
            ? t('historyLatest', t(LEVEL_KEYS[snapshot.level]), when(snapshot.time))
            : t('historyNothingYet')}
      </p>
      <p>
        <button
          type="button"
          disabled={!settings.on}
          onClick={() =>
            services.checkNow().then(
              () => void reload(),
              () => setStatus(t('optionsSaveFailed')),
            )
          }
        >
          {t('optionsMonitorCheckNow')}
        </button>{' '}
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() =>
            services.exportJson(history).then((outcome) => setStatus(t(outcome === 'failed' ? 'auditExportFailed' : 'auditExported')))
          }
        >
          {t('historyExport')}
        </button>{' '}
        <button
          type="button"
          disabled={history.length === 0}
          onClick={() =>
            services.clear().then(
              () => {
                setStatus(t('historyCleared'));
                void reload();
              },
              () => setStatus(t('optionsSaveFailed')),
            )
          }
        >
          {t('historyClear')}
        </button>
      </p>
      <p class="status" role="status" aria-live="polite">
        {status}
      </p>
      {history.length === 0 ? (
        <p>{t('historyEmpty')}</p>
      ) : (
        <ol data-testid="history-list">
          {[...history].reverse().map((entry) => (
            <li key={`${entry.time}-${entry.trigger}`}>
              <div class="meta">
                <time dateTime={new Date(entry.time).toISOString()}>{when(entry.time)}</time> · {t(LEVEL_KEYS[entry.level])} ·{' '}
                {t(`trigger_${entry.trigger}`)}
              </div>
              <p class="changes">{entry.changes.map((change) => changeLine(services.text, change)).join('\n')}</p>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
