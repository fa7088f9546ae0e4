// Test-only: reads public/_locales from disk and substitutes like Chrome does. Never imported by a page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatMessage, type Messages } from './format';
import { createT, type Translate } from './t';

export const LOCALES_DIR = join(process.cwd(), 'public', '_locales');

export function listLocales(): string[] {
  return readdirSync(LOCALES_DIR).sort();
}

export function loadMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

export function messagesT(locale = 'en'): Translate {
  const messages = loadMessages(locale);
  return createT((key, subs) => {
    const entry = messages[key];
    return entry ? formatMessage(entry, subs) : undefined;
  });
}
