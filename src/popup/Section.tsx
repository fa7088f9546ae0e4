import type { ComponentChildren } from 'preact';
import type { ProbeState } from '../model';
import { useEnv } from '../ui/env';
import { ProblemLine } from '../ui/problem';
import { Scroll } from '../ui/Scroll';

export type SectionName = 'ipv4' | 'ipv6' | 'dns' | 'webrtc' | 'securedns' | 'locale' | 'audit';

interface SectionProps<T> {
  name: SectionName;
  title: string;
  state: ProbeState<T>;
  /** The remembered result, shown greyed while this probe is still pending. */
  stale?: ProbeState<T> | undefined;
  render(result: T): ComponentChildren;
}

/** A fixed-height section: a skeleton while pending, then the result or what failed, in the same box. */
export function Section<T>({ name, title, state, stale, render }: SectionProps<T>) {
  const { t } = useEnv();
  const headingId = `h-${name}`;
  let body: ComponentChildren;
  if (state.state === 'done') body = render(state.result);
  else if (state.state === 'failed') body = <ProblemLine problem={state.problem} />;
  else if (stale?.state === 'done') body = <div class="stale">{render(stale.result)}</div>;
  else body = <Skeleton label={t('levelPending')} />;
  return (
    <section
      class={`sec sec-${name}`}
      aria-labelledby={headingId}
      aria-busy={state.state === 'pending' ? 'true' : undefined}
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
