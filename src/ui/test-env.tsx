// Test-only: renders components with English messages from public/_locales and this build's provider names.
import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { buildRegistry } from '../endpoints';
import { messagesT } from '../i18n/test-messages';
import { Env, type UiEnv } from './env';
import { providerNamer } from './names';

export const testRegistry = buildRegistry(null);

export const testEnv: UiEnv = { t: messagesT('en'), lang: 'en', providerName: providerNamer(testRegistry) };

export function renderWithEnv(ui: ComponentChildren) {
  return render(<Env.Provider value={testEnv}>{ui}</Env.Provider>);
}
