import { codeKey } from '../i18n/codes';
import type { Reason } from '../model';
import { type ParamKind, REASON_PARAMS } from '../model';
import type { UiEnv } from './env';
import { countryName } from './names';

/** The reason as one sentence in the UI language; country codes become country names. */
export function reasonText(env: Pick<UiEnv, 't' | 'lang'>, reason: Reason): string {
  const kinds: readonly ParamKind[] = REASON_PARAMS[reason.code] ?? [];
  const params = reason.params.map((param, i) => (kinds[i] === 'country' ? countryName(param, env.lang) : param));
  return env.t(codeKey('reason', reason.code), ...params);
}
