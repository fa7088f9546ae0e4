// WebRTC protection through the browser's own setting. `privacy` is an optional permission: it is
// requested on the user's click, and the setting is handed back (clear) when protection is turned off.

export type LevelOfControl =
  | 'not_controllable'
  | 'controlled_by_other_extensions'
  | 'controllable_by_this_extension'
  | 'controlled_by_this_extension';

export interface BrowserSetting {
  get(details: Record<string, never>): Promise<{ value: unknown; levelOfControl: LevelOfControl }>;
  set(details: { value: unknown }): Promise<void>;
  clear(details: Record<string, never>): Promise<void>;
}

export interface PolicyApis {
  readonly permissions: {
    request(permissions: { permissions: 'privacy'[] }): Promise<boolean>;
    contains(permissions: { permissions: 'privacy'[] }): Promise<boolean>;
  };
  /** browser.privacy.network, read on each use: it only appears once the permission is granted. */
  network(): { webRTCIPHandlingPolicy?: BrowserSetting; peerConnectionEnabled?: BrowserSetting } | undefined;
  /** Firefox switches WebRTC off entirely; Chromium browsers pick an IP handling policy. */
  readonly firefox: boolean;
}

export type Protection = 'off' | 'public-interface' | 'proxy-only' | 'webrtc-off';

/** Chromium: which interfaces WebRTC may use. Firefox: peerConnectionEnabled = false. */
const VALUES: Record<Exclude<Protection, 'off'>, unknown> = {
  'public-interface': 'default_public_interface_only',
  'proxy-only': 'disable_non_proxied_udp',
  'webrtc-off': false,
};

export type Control = 'free' | 'ours' | 'other-extension' | 'not-controllable';

export interface PolicyState {
  readonly choices: readonly Protection[];
  /** False until the user grants `privacy`; nothing is known about the setting before that. */
  readonly permitted: boolean;
  /** The browser has the setting (after the permission). */
  readonly available: boolean;
  /** What Leakless set; 'off' when the setting is not ours. */
  readonly protection: Protection;
  readonly control: Control | null;
  /** The browser's current value, shown as-is. */
  readonly value: string | null;
}

export type PolicyProblem = 'denied' | 'other-extension' | 'not-controllable' | 'unavailable' | 'failed';

export type ChangeResult =
  | { readonly ok: true; readonly state: PolicyState }
  | { readonly ok: false; readonly problem: PolicyProblem; readonly state: PolicyState };

const CONTROL: Record<LevelOfControl, Control> = {
  not_controllable: 'not-controllable',
  controlled_by_other_extensions: 'other-extension',
  controllable_by_this_extension: 'free',
  controlled_by_this_extension: 'ours',
};

const PERMISSION: { permissions: 'privacy'[] } = { permissions: ['privacy'] };

export function createWebRtcPolicy(apis: PolicyApis) {
  const choices: readonly Protection[] = apis.firefox ? ['off', 'webrtc-off'] : ['off', 'public-interface', 'proxy-only'];
  const setting = () => {
    const network = apis.network();
    return apis.firefox ? network?.peerConnectionEnabled : network?.webRTCIPHandlingPolicy;
  };

  async function read(): Promise<PolicyState> {
    const base = { choices, permitted: false, available: true, protection: 'off', control: null, value: null } as const;
    if (!(await apis.permissions.contains(PERMISSION))) return base;
    const target = setting();
    if (!target) return { ...base, permitted: true, available: false };
    const { value, levelOfControl } = await target.get({});
    const control = CONTROL[levelOfControl] ?? 'not-controllable';
    const ours = control === 'ours' ? choices.find((c) => c !== 'off' && VALUES[c] === value) : undefined;
    return { ...base, permitted: true, protection: ours ?? 'off', control, value: String(value) };
  }

  /** Call straight from the click handler: the permission prompt needs the user's gesture. */
  async function choose(protection: Protection): Promise<ChangeResult> {
    if (protection === 'off') {
      // Without the permission Leakless never set anything, so there is nothing to give back.
      try {
        if (await apis.permissions.contains(PERMISSION)) await setting()?.clear({});
      } catch {
        return { ok: false, problem: 'failed', state: await read() };
      }
      return { ok: true, state: await read() };
    }
    const granted = await apis.permissions.request(PERMISSION);
    if (!granted) return { ok: false, problem: 'denied', state: await read() };
    const target = setting();
    if (!target) return { ok: false, problem: 'unavailable', state: await read() };
    const { levelOfControl } = await target.get({});
    const control = CONTROL[levelOfControl];
    if (control === 'other-extension' || control === 'not-controllable') return { ok: false, problem: control, state: await read() };
    try {
      await target.set({ value: VALUES[protection] });
    } catch {
      return { ok: false, problem: 'failed', state: await read() };
    }
    return { ok: true, state: await read() };
  }

  return { choices, read, choose };
}

export type WebRtcPolicy = ReturnType<typeof createWebRtcPolicy>;
