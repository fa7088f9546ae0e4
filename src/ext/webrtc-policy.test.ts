import { describe, expect, it, vi } from 'vitest';
import { type BrowserSetting, createWebRtcPolicy, type LevelOfControl, type PolicyApis } from './webrtc-policy';

function fakeSetting(value: unknown, levelOfControl: LevelOfControl) {
  const state = { value, levelOfControl, initial: value };
  const setting: BrowserSetting = {
    get: vi.fn(async () => ({ value: state.value, levelOfControl: state.levelOfControl })),
    set: vi.fn(async ({ value: next }: { value: unknown }) => {
      state.value = next;
      state.levelOfControl = 'controlled_by_this_extension';
    }),
    clear: vi.fn(async () => {
      state.value = state.initial;
      state.levelOfControl = 'controllable_by_this_extension';
    }),
  };
  return setting;
}

function apis(options: { firefox?: boolean; granted?: boolean; grant?: boolean; setting?: BrowserSetting | undefined }) {
  let granted = options.granted ?? false;
  const api: PolicyApis = {
    permissions: {
      request: vi.fn(async () => {
        granted = granted || (options.grant ?? true);
        return granted;
      }),
      contains: vi.fn(async () => granted),
    },
    // Like the browser: privacy appears only once the permission is granted.
    network: () =>
      granted ? (options.firefox ? { peerConnectionEnabled: options.setting } : { webRTCIPHandlingPolicy: options.setting }) : undefined,
    firefox: options.firefox ?? false,
  };
  return api;
}

describe('Chromium: webRTCIPHandlingPolicy', () => {
  it('offers the two policies and knows nothing before the permission', async () => {
    const policy = createWebRtcPolicy(apis({ setting: fakeSetting('default', 'controllable_by_this_extension') }));
    expect(policy.choices).toEqual(['off', 'public-interface', 'proxy-only']);
    expect(await policy.read()).toMatchObject({ permitted: false, protection: 'off', control: null });
  });

  it('asks for the permission on choice, then sets the policy', async () => {
    const setting = fakeSetting('default', 'controllable_by_this_extension');
    const api = apis({ setting });
    const result = await createWebRtcPolicy(api).choose('proxy-only');
    expect(api.permissions.request).toHaveBeenCalledWith({ permissions: ['privacy'] });
    expect(setting.set).toHaveBeenCalledWith({ value: 'disable_non_proxied_udp' });
    expect(result).toMatchObject({ ok: true, state: { protection: 'proxy-only', control: 'ours', value: 'disable_non_proxied_udp' } });
  });

  it('maps "public interface" to default_public_interface_only', async () => {
    const setting = fakeSetting('default', 'controllable_by_this_extension');
    await createWebRtcPolicy(apis({ setting })).choose('public-interface');
    expect(setting.set).toHaveBeenCalledWith({ value: 'default_public_interface_only' });
  });

  it('changes nothing when the permission is refused', async () => {
    const setting = fakeSetting('default', 'controllable_by_this_extension');
    const result = await createWebRtcPolicy(apis({ setting, grant: false })).choose('proxy-only');
    expect(result).toMatchObject({ ok: false, problem: 'denied' });
    expect(setting.set).not.toHaveBeenCalled();
  });

  it('says when another extension controls the setting, and leaves it alone', async () => {
    const setting = fakeSetting('disable_non_proxied_udp', 'controlled_by_other_extensions');
    const policy = createWebRtcPolicy(apis({ setting, granted: true }));
    expect(await policy.read()).toMatchObject({ control: 'other-extension', protection: 'off', value: 'disable_non_proxied_udp' });
    expect(await policy.choose('public-interface')).toMatchObject({ ok: false, problem: 'other-extension' });
    expect(setting.set).not.toHaveBeenCalled();
  });

  it('says when the setting is not controllable', async () => {
    const setting = fakeSetting('default', 'not_controllable');
    expect(await createWebRtcPolicy(apis({ setting, granted: true })).choose('proxy-only')).toMatchObject({
      ok: false,
      problem: 'not-controllable',
    });
    expect(setting.set).not.toHaveBeenCalled();
  });

  it('gives control back with clear({}) when protection is turned off', async () => {
    const setting = fakeSetting('default', 'controllable_by_this_extension');
    const policy = createWebRtcPolicy(apis({ setting }));
    await policy.choose('proxy-only');
    const result = await policy.choose('off');
    expect(setting.clear).toHaveBeenCalledWith({});
    expect(result).toMatchObject({ ok: true, state: { protection: 'off', control: 'free', value: 'default' } });
  });

  it('does not ask for a permission just to turn protection off', async () => {
    const api = apis({ setting: fakeSetting('default', 'controllable_by_this_extension') });
    await createWebRtcPolicy(api).choose('off');
    expect(api.permissions.request).not.toHaveBeenCalled();
  });

  it('reports a browser without the setting', async () => {
    expect(await createWebRtcPolicy(apis({ setting: undefined })).choose('proxy-only')).toMatchObject({
      ok: false,
      problem: 'unavailable',
    });
  });
});

describe('Firefox: peerConnectionEnabled', () => {
  it('turns WebRTC off with false, and back with clear', async () => {
    const setting = fakeSetting(true, 'controllable_by_this_extension');
    const policy = createWebRtcPolicy(apis({ firefox: true, setting }));
    expect(policy.choices).toEqual(['off', 'webrtc-off']);
    expect(await policy.choose('webrtc-off')).toMatchObject({ ok: true, state: { protection: 'webrtc-off' } });
    expect(setting.set).toHaveBeenCalledWith({ value: false });
    await policy.choose('off');
    expect(setting.clear).toHaveBeenCalledWith({});
  });

  it('reads WebRTC off by another extension as not ours', async () => {
    const setting = fakeSetting(false, 'controlled_by_other_extensions');
    expect(await createWebRtcPolicy(apis({ firefox: true, setting, granted: true })).read()).toMatchObject({
      protection: 'off',
      control: 'other-extension',
    });
  });
});
