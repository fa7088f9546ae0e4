import { codeKey } from '../i18n/codes';
import type { Observation, Problem } from '../model';
import { useEnv } from './env';

/** The problem as a sentence; the technical detail (network data) follows as plain text, never markup. */
export function problemText(t: (key: string) => string, problem: Problem): string {
  const sentence = t(codeKey('problem', problem.code));
  return problem.detail ? `${sentence} (${problem.detail})` : sentence;
}

export function ProblemLine({ problem, provider }: { problem: Problem; provider?: string }) {
  const { t } = useEnv();
  const text = problemText(t, problem);
  return <p class="problem">{provider ? t('providerProblem', provider, text) : text}</p>;
}

/** One line per provider that gave no usable answer, named. */
export function Failures({ observations }: { observations: readonly Observation<unknown>[] }) {
  const { providerName } = useEnv();
  return (
    <>
      {observations.map((o) =>
        o.outcome.ok ? null : <ProblemLine key={o.endpointId} problem={o.outcome.problem} provider={providerName(o.endpointId)} />,
      )}
    </>
  );
}
