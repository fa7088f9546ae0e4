import { render } from 'preact';
import { installAudit } from '../audit/install';
import { registry } from '../endpoints';
import { browser } from '../ext/browser';
import { createStore } from '../ext/storage';
import { createWebRtcPolicy, type PolicyApis } from '../ext/webrtc-policy';
import { t, uiLanguage } from '../i18n/t';
import { DNS_NAMES } from '../model';
import { sanitizeSettings, settingChoices } from '../probes/settings';
import { Env, type UiEnv } from '../ui/env';
import { providerNamer } from '../ui/names';
import { createMonitorControls } from './monitor-controls';
import { Options } from './Options';

installAudit('options');

const env: UiEnv = { t, lang: uiLanguage(), providerName: providerNamer(registry) };
document.documentElement.lang = env.lang;
document.title = t('optionsTitle');

// getBrowserInfo exists only in Firefox, which controls WebRTC by peerConnectionEnabled instead of a policy.
const firefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';
const policy = createWebRtcPolicy({
  permissions: browser.permissions,
  network: () => (browser as unknown as { privacy?: { network?: ReturnType<PolicyApis['network']> } }).privacy?.network,
  firefox,
});

const services = {
  store: createStore(browser.storage.local, (raw) => sanitizeSettings(raw, registry)),
  registry,
  choices: settingChoices(registry),
  dnsNames: DNS_NAMES,
  policy,
  monitor: createMonitorControls(firefox),
};

const root = document.getElementById('app');
if (root) {
  render(
    <Env.Provider value={env}>
      <Options services={services} />
    </Env.Provider>,
    root,
  );
}
