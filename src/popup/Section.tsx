import type { ComponentChildren } from 'preact';
import { isFinal, type ProbeState } from '../model';
import { useEnv } from '../ui/env';
import { ProblemLine } from '../ui/problem';
import { Scroll } from '../ui/Scroll';

export type SectionName = 'ipv4' | 'ipv6' | 'dns' | 'webrtc' | 'securedns' | 'headers' | 'locale' | 'audit';

interface SectionProps<T> {
  name: SectionName;
  title: string;
  state: ProbeState<T>;
  /** The remembered result, shown greyed while this probe is still pending. */
  stale?: ProbeState<T> | undefined;
  /** `provisional`: more answers are still out, so "none" is not yet an answer. */
  render(result: T, provisional?: boolean): ComponentChildren;
}

/**
 * A fixed-height section: a skeleton while pending, the answers so far with who is still out while provisional,
 * then the result or what failed, in the same box.
 */
export function Section<T>({ name, title, state, stale, render }: SectionProps<T>) {
  const { t, providerName } = useEnv();
  const headingId = `h-${name}`;
  let body: ComponentChildren;
  if (state.state === 'done') body = render(state.result);
  else if (state.state === 'partial')
    body = (
      <>
        {render(state.result, true)}
        <p class="muted" data-testid="partial">
          {t(
            'partialAnswered',
            String(state.answered),
            String(state.answered + state.waiting.length),
            state.waiting.map(providerName).join(', '),
          )}
        </p>
      </>
    );
  else if (state.state === 'failed') body = <ProblemLine problem={state.problem} />;
  else if (stale?.state === 'done') body = <div class="stale">{render(stale.result)}</div>;
  else body = <Skeleton label={t('levelPending')} />;
  return (
    <section
      class={`sec sec-${name}`}
      aria-labelledby={headingId}
      aria-busy={isFinal(state) ? undefined : 'true'}
      data-testid={`section-${name}`}
      data-state={state.state}
    >
      <h2 id={headingId}>{title}</h2>
      <Scroll class="body">{body}</Scroll>
    </section>
  );
}

function Skeleton({ label }: { label: string }) {
  return (
    <div class="skeleton">
      <span class="sr-only">{label}</span>
      <span class="bar" aria-hidden="true" />
      <span class="bar short" aria-hidden="true" />
    </div>
  );
}
