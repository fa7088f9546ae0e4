import { browser } from '../ext/browser';

/** Looks up a message; `subs` fill $1…$9 in order. Returns the key itself when the message is missing. */
export type Translate = (key: string, ...subs: string[]) => string;

export type GetMessage = (key: string, subs: string[]) => string | undefined;

export function createT(getMessage: GetMessage): Translate {
  return (key, ...subs) => {
    try {
      return getMessage(key, subs) || key;
    } catch {
      // Chrome throws on a malformed substitution list; a visible key beats a blank popup.
      return key;
    }
  };
}

interface I18nApi {
  getMessage(key: string, subs?: string[]): string;
  getUILanguage(): string;
}

function i18nApi(): I18nApi | undefined {
  // The unit-test mock of the polyfill has no i18n; the real one always does.
  return (browser as unknown as { i18n?: I18nApi }).i18n;
}

/** The browser's messages (public/_locales). */
export const t: Translate = createT((key, subs) => i18nApi()?.getMessage(key, subs));

export function uiLanguage(): string {
  return i18nApi()?.getUILanguage() ?? 'en';
}
