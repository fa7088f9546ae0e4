import { render } from 'preact';
import { registry } from '../endpoints';
import { t, uiLanguage } from '../i18n/t';
import { maybeFireRogue } from '../test-support/rogue';
import { Env, type UiEnv } from '../ui/env';
import { providerNamer } from '../ui/names';
import { createPopupServices } from './check';
import { Popup } from './Popup';
import { started } from './start';

// start.ts, which loaded this, has already asked the background for the check.
const { services } = createPopupServices(started);
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
