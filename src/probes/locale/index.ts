import type { LocaleResult } from '../../model';
import type { ProbeDeps } from '../deps';
import { timeZoneCountries } from './countries';

export { timeZoneCountries } from './countries';

/** What the page's clock and languages say about where the user is; no network. */
export function probeLocale(deps: Pick<ProbeDeps, 'timeZone' | 'languages'>): LocaleResult {
  const timeZone = deps.timeZone();
  return { timeZone, timeZoneCountries: timeZoneCountries(timeZone), languages: [...deps.languages()] };
}
