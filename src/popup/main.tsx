import { render } from 'preact';
import { installAudit } from '../audit/install';
import { registry } from '../endpoints';
import { t, uiLanguage } from '../i18n/t';
import { maybeFireRogue } from '../test-support/rogue';
import { Env, type UiEnv } from '../ui/env';
import { providerNamer } from '../ui/names';
import { createPopupServices } from './check';
import { Popup } from './Popup';

// First, so the self-audit sees every resource and every blocked attempt of this page.
installAudit('popup');
// Next, before anything renders: this asks the background for the check (see check.ts).
const { services } = createPopupServices();
maybeFireRogue(location);

const env: UiEnv = { t, lang: uiLanguage(), providerName: providerNamer(registry) };
document.documentElement.lang = env.lang;
document.title = t('extName');

const root = document.getElementById('app');
if (root) {
  render(
    <Env.Provider value={env}>
      <Popup services={services} />
    </Env.Provider>,
    root,
  );
}
