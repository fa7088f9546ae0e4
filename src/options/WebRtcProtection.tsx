import { useEffect, useState } from 'preact/hooks';
import type { PolicyProblem, PolicyState, Protection, WebRtcPolicy } from '../ext/webrtc-policy';
import { useEnv } from '../ui/env';

const LABELS: Record<Protection, [string, string]> = {
  off: ['policyDefault', 'policyDefaultHelp'],
  'public-interface': ['policyPublicOnly', 'policyPublicOnlyHelp'],
  'proxy-only': ['policyProxyOnly', 'policyProxyOnlyHelp'],
  'webrtc-off': ['policyFirefoxOff', 'policyFirefoxOffHelp'],
};

const PROBLEMS: Record<PolicyProblem, string> = {
  denied: 'policyDenied',
  'other-extension': 'policyOtherExtension',
  'not-controllable': 'policyNotControllable',
  unavailable: 'policyUnavailable',
  failed: 'policyFailed',
};

/** Why the setting cannot be changed right now, from what the browser reports. */
function blocker(state: PolicyState): string | null {
  if (!state.available) return 'policyUnavailable';
  if (state.control === 'other-extension') return 'policyOtherExtension';
  if (state.control === 'not-controllable') return 'policyNotControllable';
  return null;
}

export function WebRtcProtection({ policy, onSaved }: { policy: WebRtcPolicy; onSaved(ok: boolean): void }) {
  const { t } = useEnv();
  const [state, setState] = useState<PolicyState | null>(null);
  const [problem, setProblem] = useState<PolicyProblem | null>(null);

  useEffect(() => {
    policy.read().then(setState, () => setProblem('failed'));
  }, []);

  function choose(protection: Protection) {
    // No await before choose(): the permission prompt must run inside this click.
    policy.choose(protection).then(
      (result) => {
        setState(result.state);
        setProblem(result.ok ? null : result.problem);
        onSaved(result.ok);
      },
      () => {
        setProblem('failed');
        onSaved(false);
      },
    );
  }

  const blocked = state ? blocker(state) : null;
  return (
    <section aria-labelledby="policy-title" data-testid="webrtc-policy">
      <h2 id="policy-title">{t('policyTitle')}</h2>
      <p>{t('policyIntro')}</p>
      <fieldset>
        <legend class="sr-only">{t('policyTitle')}</legend>
        {policy.choices.map((choice) => {
          const [label, help] = LABELS[choice];
          return (
            <div class="choice" key={choice}>
              <input
                type="radio"
                name="webrtc-policy"
                id={`policy-${choice}`}
                aria-describedby={`policy-${choice}-help`}
                checked={(state?.protection ?? 'off') === choice}
                onChange={() => choose(choice)}
              />
              <label for={`policy-${choice}`}>{t(label)}</label>
              <p class="help" id={`policy-${choice}-help`}>
                {t(help)}
              </p>
            </div>
          );
        })}
      </fieldset>
      {blocked ? <p class="warn">{t(blocked)}</p> : null}
      {problem && PROBLEMS[problem] !== blocked ? <p class="warn">{t(PROBLEMS[problem])}</p> : null}
      {state?.value ? <p class="help">{t('optionsCurrentValue', state.value)}</p> : null}
    </section>
  );
}
