import { render } from 'preact';
import { registry } from '../endpoints';
import { t, uiLanguage } from '../i18n/t';
import { Env, type UiEnv } from '../ui/env';
import { providerNamer } from '../ui/names';
import { createPopupServices } from './check';
import { Popup } from './Popup';

const env: UiEnv = { t, lang: uiLanguage(), providerName: providerNamer(registry) };
document.documentElement.lang = env.lang;
document.title = t('extName');

const { services } = createPopupServices();
const root = document.getElementById('app');
if (root) {
  render(
    <Env.Provider value={env}>
      <Popup services={services} />
    </Env.Provider>,
    root,
  );
}
