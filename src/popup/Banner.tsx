import type { Verdict } from '../model';
import { useEnv } from '../ui/env';
import { reasonText } from '../ui/reason';

const LABEL = { leak: 'levelLeak', clean: 'levelClean', unknown: 'levelUnknown' } as const;

/**
 * The one-glance answer. A live region, so the result is announced when it arrives. A verdict shown before
 * every section is final (a leak is seen early) says "so far".
 */
export function Banner({ verdict, stale, final = true }: { verdict: Verdict | null; stale: boolean; final?: boolean }) {
  const env = useEnv();
  const { t } = env;
  const level = verdict ? verdict.level : 'pending';
  const first = verdict?.reasons[0];
  const sentence = verdict ? (first ? reasonText(env, first) : '') : t(stale ? 'staleNote' : 'pendingDetail');
  return (
    <div
      class={`banner banner-${level}`}
      role="status"
      aria-live="polite"
      data-testid="verdict"
      data-level={level}
      data-final={verdict && final ? 'true' : 'false'}
    >
      <p class="level">
        <Icon level={level} />
        {verdict ? t(LABEL[verdict.level]) : t('levelPending')}
        {verdict && !final ? ` ${t('verdictSoFar')}` : null}
      </p>
      <p class="reason">{sentence}</p>
    </div>
  );
}

const PATHS = {
  leak: 'M8 1 15 14H1Z M7.2 6h1.6v4H7.2z M7.2 11h1.6v1.6H7.2z',
  clean: 'M6.5 11.2 3 7.7l1.1-1.1 2.4 2.4 5.4-5.4L13 4.7z',
  unknown: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-.8 10h1.6v1.6H7.2zm0-7h1.6v5.4H7.2z',
  pending: 'M8 2a6 6 0 1 0 6 6h-1.6A4.4 4.4 0 1 1 8 3.6z',
} as const;

function Icon({ level }: { level: keyof typeof PATHS }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
      <path d={PATHS[level]} fill="currentColor" fill-rule="evenodd" />
    </svg>
  );
}
