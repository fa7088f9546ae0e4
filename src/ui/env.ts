import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/t';

/** What every component needs from outside: words, the UI language, and provider names. */
export interface UiEnv {
  readonly t: Translate;
  /** BCP 47 tag of the UI language, for country names. */
  readonly lang: string;
  /** The display name of the provider behind an endpoint id (the id itself when unknown). */
  providerName(endpointId: string): string;
}

export const Env = createContext<UiEnv>({ t: (key) => key, lang: 'en', providerName: (id) => id });

export function useEnv(): UiEnv {
  return useContext(Env);
}
