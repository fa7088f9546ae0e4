import { describe, expect, it } from 'vitest';
import { listLocales, messagesT } from '../i18n/test-messages';
import type { MonitorChange } from '../model';
import { HOME4, HOME6, snap, VPN4, VPN6 } from './fixtures';
import { addressLabel, BADGE_LOOK, changeLine, notificationText, type TextEnv, tooltipText } from './text';

const NAMES: Record<string, string> = { SE: 'Sweden', DE: 'Germany' };
const envFor = (locale: string): TextEnv => ({ t: messagesT(locale), countryName: (c) => NAMES[c] ?? c, time: () => '10:42' });
const en = envFor('en');

describe('notification texts (English)', () => {
  it.each<[string, MonitorChange, string]>([
    [
      'IPv4 changed',
      { kind: 'ip', family: 4, from: VPN4, to: HOME4 },
      'Your IP address changed: 185.213.154.23 (Sweden · Example VPN) → 84.171.20.99 (Germany · Home ISP)',
    ],
    [
      'IPv6 changed',
      { kind: 'ip', family: 6, from: VPN6, to: HOME6 },
      'Your IPv6 address changed: 2a03:1b20:3::5 (Sweden · Example VPN) → 2003:e5:1::99 (Germany · Home ISP)',
    ],
    [
      'IPv6 went away',
      { kind: 'ip', family: 6, from: VPN6, to: 'absent' },
      'Your IPv6 address changed: 2a03:1b20:3::5 (Sweden · Example VPN) → none',
    ],
    ['IPv6 outside the VPN', { kind: 'ipv6-outside', ip: HOME6.ip }, 'IPv6 now reaches the web outside the VPN: 2003:e5:1::99'],
    [
      'DNS',
      { kind: 'dns', resolvers: ['84.171.20.1 (Home ISP)', '84.171.20.2'] },
      'DNS now answered by 84.171.20.1 (Home ISP), 84.171.20.2',
    ],
    ['a leak', { kind: 'level', from: 'clean', to: 'leak' }, 'A leak appeared.'],
    ['no leak', { kind: 'level', from: 'leak', to: 'clean' }, 'No leak found any more.'],
  ])('%s', (_, change, expected) => {
    expect(changeLine(en, change)).toBe(expected);
  });

  it('an address without metadata is just the address', () => {
    expect(addressLabel(en, { ip: '1.2.3.4' })).toBe('1.2.3.4');
  });

  it('the title says the state now; the message what changed, then why', () => {
    const leak = snap(HOME4, VPN6, 'leak');
    const changes: MonitorChange[] = [
      { kind: 'level', from: 'clean', to: 'leak' },
      { kind: 'ip', family: 4, from: VPN4, to: HOME4 },
    ];
    expect(notificationText(en, changes, leak, 'IPv6 leaves through another network.')).toEqual({
      title: 'Leakless: leak',
      message:
        'A leak appeared.\nYour IP address changed: 185.213.154.23 (Sweden · Example VPN) → 84.171.20.99 (Germany · Home ISP)\nIPv6 leaves through another network.',
    });
    expect(notificationText(en, [{ kind: 'level', from: 'leak', to: 'clean' }], snap(VPN4, VPN6, 'clean'), null).title).toBe(
      'Leakless: no leak found',
    );
  });

  it('the tooltip: the verdict and when it was checked', () => {
    expect(tooltipText(en, 'clean', snap(VPN4, VPN6, 'clean'), null)).toBe('Leakless: No leak found (checked at 10:42)');
    expect(tooltipText(en, 'leak', snap(VPN4, VPN6, 'leak'), 'DNS leaks.')).toBe('Leakless: DNS leaks. (checked at 10:42)');
    expect(tooltipText(en, 'stale', snap(VPN4, VPN6, 'clean'), 'x')).toBe('Leakless: Out of date (checked at 10:42)');
    expect(tooltipText(en, 'off', null, null)).toBe('Leakless');
  });

  it('every badge state has a short text', () => {
    for (const look of Object.values(BADGE_LOOK)) expect(look.text.length).toBeLessThanOrEqual(1);
  });
});

describe('notification texts in every language', () => {
  for (const locale of listLocales()) {
    it(`${locale}: both addresses in order, no placeholder left`, () => {
      const line = changeLine(envFor(locale), { kind: 'ip', family: 4, from: VPN4, to: HOME4 });
      expect(line.indexOf('185.213.154.23')).toBeGreaterThanOrEqual(0);
      expect(line.indexOf('185.213.154.23')).toBeLessThan(line.indexOf('84.171.20.99'));
      expect(line).not.toMatch(/\$/);
    });
  }
});
