import { useEnv } from '../ui/env';

export type CopyStatus = '' | 'copied' | 'failed';

interface ControlsProps {
  running: boolean;
  extendedDns: boolean;
  copyStatus: CopyStatus;
  onRerun(): void;
  onExtendedDns(on: boolean): void;
  onCopy(format: 'text' | 'json'): void;
}

export function Controls({ running, extendedDns, copyStatus, onRerun, onExtendedDns, onCopy }: ControlsProps) {
  const { t } = useEnv();
  return (
    <footer class="controls">
      <div class="row">
        <button type="button" class="primary" onClick={onRerun} disabled={running}>
          {running ? t('levelPending') : t('rerun')}
        </button>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            checked={extendedDns}
            aria-checked={extendedDns}
            onChange={(e) => onExtendedDns(e.currentTarget.checked)}
          />
          {t('extendedDns')}
        </label>
      </div>
      <div class="row">
        <button type="button" onClick={() => onCopy('text')}>
          {t('copyText')}
        </button>
        <button type="button" onClick={() => onCopy('json')}>
          {t('copyJson')}
        </button>
        <span class="copy-status" role="status" aria-live="polite">
          {copyStatus === 'copied' ? t('copied') : copyStatus === 'failed' ? t('copyFailed') : ''}
        </span>
      </div>
    </footer>
  );
}
