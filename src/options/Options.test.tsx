// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildRegistry } from '../endpoints';
import type { PolicyState, Protection, WebRtcPolicy } from '../ext/webrtc-policy';
import type { Settings } from '../model';
import { renderWithEnv, testRegistry } from '../ui/test-env';
import { Options, type OptionsServices } from './Options';

const SETTINGS: Settings = {
  ipv4: ['mullvad-ipv4', 'ipify-ipv4'],
  ipv6: ['mullvad-ipv6'],
  dns: ['mullvad-dns'],
  webrtc: ['cloudflare-stun'],
  securedns: [],
  headers: [],
  dnsNames: 6,
  deadlineMs: 5000,
};
const CHOICES = {
  ipv4: ['mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4'],
  ipv6: ['mullvad-ipv6', 'ipify-ipv6'],
  dns: ['mullvad-dns', 'bashws-result'],
  webrtc: ['google-stun', 'cloudflare-stun'],
  securedns: ['akamai-whoami'],
  headers: [],
};

const policyState = (protection: Protection, control: PolicyState['control'] = 'free'): PolicyState => ({
  choices: ['off', 'public-interface', 'proxy-only'],
  permitted: true,
  available: true,
  protection,
  control,
  value: 'default',
});

function fakePolicy(initial: PolicyState = policyState('off')): WebRtcPolicy {
  return {
    choices: initial.choices,
    read: vi.fn(async () => initial),
    choose: vi.fn(async (p: Protection) => ({ ok: true as const, state: policyState(p, p === 'off' ? 'free' : 'ours') })),
  };
}

function services(policy = fakePolicy()) {
  let stored = SETTINGS;
  const store = {
    loadSettings: vi.fn(async () => stored),
    saveSettings: vi.fn(async (s: Settings) => {
      stored = s;
      return s;
    }),
    loadRemember: vi.fn(async () => false),
    saveRemember: vi.fn(async () => undefined),
    clearStoredData: vi.fn(async () => {
      stored = SETTINGS;
    }),
  };
  const value: OptionsServices = { store, registry: testRegistry, choices: CHOICES, dnsNames: [6, 36], policy };
  return { value, store, policy };
}

const status = () => screen.getByTestId('options-status');

afterEach(cleanup);

describe('providers', () => {
  it('lists each compiled-in endpoint per probe, with its provider and what it carries', async () => {
    renderWithEnv(<Options services={services().value} />);
    const ipv4 = await screen.findByTestId('providers-ipv4');
    expect(
      within(ipv4)
        .getAllByRole('checkbox')
        .map((c) => (c as HTMLInputElement).checked),
    ).toEqual([true, true, false]);
    const cloudflare = within(ipv4).getByRole('checkbox', { name: 'Cloudflare' });
    expect(cloudflare.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(ipv4).getAllByText(/Nothing but the request itself/).length).toBe(3);
    // bash.ws: the result endpoint stands for the provider; what its lookups carry is shown too.
    expect(within(screen.getByTestId('providers-dns')).getByText(/session id bash.ws issued; the HTTPS request/)).toBeTruthy();
    // Proxy headers: only our own check server echoes them, and this build has none, so there is nothing to pick.
    expect(screen.queryByTestId('providers-headers')).toBeNull();
    expect(screen.getByTestId('providers-securedns')).toBeTruthy();
  });

  it("credits the check server's network and country data only in a build that has one", async () => {
    renderWithEnv(<Options services={services().value} />);
    await screen.findByTestId('providers-ipv4');
    expect(screen.queryByTestId('ip-data-credit')).toBeNull();
    cleanup();
    const own = { ...services().value, registry: buildRegistry('https://check.example.org') };
    renderWithEnv(<Options services={own} />);
    expect((await screen.findByTestId('ip-data-credit')).textContent).toBe(
      'Your check server names networks and countries from data it keeps itself: IP to ASN by RouteViews, DB-IP (“IP Geolocation by DB-IP”) and the NRO, CC BY 4.0; countries by IPtoASN, PDDL; both via ip-location-db.',
    );
  });

  it('saves a ticked provider at once, in the registry order, and says "Saved"', async () => {
    const { value, store } = services();
    renderWithEnv(<Options services={value} />);
    const ipv4 = await screen.findByTestId('providers-ipv4');
    fireEvent.click(within(ipv4).getByRole('checkbox', { name: 'Cloudflare' }));
    await waitFor(() =>
      expect(store.saveSettings).toHaveBeenCalledWith({ ...SETTINGS, ipv4: ['mullvad-ipv4', 'ipify-ipv4', 'cloudflare-ipv4'] }),
    );
    await waitFor(() => expect(status().textContent).toBe('Saved'));
    expect(status().getAttribute('aria-live')).toBe('polite');
  });

  it('unticks a provider, and warns when a probe has none left', async () => {
    const { value, store } = services();
    renderWithEnv(<Options services={value} />);
    const ipv6 = await screen.findByTestId('providers-ipv6');
    fireEvent.click(within(ipv6).getByRole('checkbox', { name: 'Mullvad' }));
    await waitFor(() => expect(store.saveSettings).toHaveBeenCalledWith({ ...SETTINGS, ipv6: [] }));
    await waitFor(() => expect(ipv6.textContent).toContain('None ticked: this check is skipped.'));
  });
});

describe('check settings', () => {
  it('switches the DNS test to 36 names', async () => {
    const { value, store } = services();
    renderWithEnv(<Options services={value} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Extended (36 names)' }));
    await waitFor(() => expect(store.saveSettings).toHaveBeenCalledWith({ ...SETTINGS, dnsNames: 36 }));
  });

  it('saves a valid deadline in milliseconds and refuses an invalid one', async () => {
    const { value, store } = services();
    renderWithEnv(<Options services={value} />);
    const input = (await screen.findByLabelText('Deadline per request, in seconds (1–30)')) as HTMLInputElement;
    expect(input.value).toBe('5');
    fireEvent.input(input, { target: { value: '12' } });
    await waitFor(() => expect(store.saveSettings).toHaveBeenCalledWith({ ...SETTINGS, deadlineMs: 12_000 }));
    fireEvent.input(input, { target: { value: '31' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a whole number from 1 to 30.')).toBeTruthy();
    expect(store.saveSettings).toHaveBeenCalledTimes(1);
  });

  it('turns remembering on through the storage layer', async () => {
    const { value, store } = services();
    renderWithEnv(<Options services={value} />);
    fireEvent.click(await screen.findByRole('switch', { name: 'Remember the last result' }));
    await waitFor(() => expect(store.saveRemember).toHaveBeenCalledWith(true));
  });

  it('clears stored data and shows the defaults again', async () => {
    const { value, store } = services();
    renderWithEnv(<Options services={value} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear stored data' }));
    await waitFor(() => expect(store.clearStoredData).toHaveBeenCalledOnce());
    await waitFor(() => expect(status().textContent).toBe('Stored data cleared'));
    expect(store.loadSettings).toHaveBeenCalledTimes(2);
  });

  it('says when saving failed', async () => {
    const { value, store } = services();
    store.saveSettings.mockRejectedValueOnce(new Error('quota'));
    renderWithEnv(<Options services={value} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Extended (36 names)' }));
    await waitFor(() => expect(status().textContent).toBe('Could not save'));
  });
});

describe('WebRTC protection', () => {
  it('explains each choice and applies the one clicked', async () => {
    const { value, policy } = services();
    renderWithEnv(<Options services={value} />);
    const proxy = await screen.findByRole('radio', { name: 'Only through your proxy' });
    expect(document.getElementById(proxy.getAttribute('aria-describedby') ?? '')?.textContent).toContain('May break calls');
    fireEvent.click(proxy);
    expect(policy.choose).toHaveBeenCalledWith('proxy-only');
    await waitFor(() => expect((proxy as HTMLInputElement).checked).toBe(true));
    await waitFor(() => expect(status().textContent).toBe('Saved'));
  });

  it('says when another extension controls the setting', async () => {
    renderWithEnv(<Options services={services(fakePolicy(policyState('off', 'other-extension'))).value} />);
    expect(await screen.findByText('Another extension controls this setting; Leakless cannot change it.')).toBeTruthy();
  });

  it('says when the setting is not controllable', async () => {
    renderWithEnv(<Options services={services(fakePolicy(policyState('off', 'not-controllable'))).value} />);
    expect(await screen.findByText(/This setting cannot be changed here/)).toBeTruthy();
  });

  it('says when the permission was refused', async () => {
    const policy = fakePolicy();
    policy.choose = vi.fn(async () => ({ ok: false as const, problem: 'denied' as const, state: policyState('off') }));
    renderWithEnv(<Options services={services(policy).value} />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Only the interface your traffic uses' }));
    expect(await screen.findByText('Permission not granted; nothing changed.')).toBeTruthy();
  });
});
