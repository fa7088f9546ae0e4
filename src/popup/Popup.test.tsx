// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckResults, Outcome, ProxyHeader, Settings, Verdict } from '../model';
import { PENDING } from '../model';
import { renderWithEnv } from '../ui/test-env';
import { CLEAN, CLEAN_VERDICT, ipResult, LEAK, LEAK_VERDICT, V4 } from './fixtures';
import { Popup, type PopupServices } from './Popup';
import { fakeServices } from './testing';

const SETTINGS: Settings = {
  ipv4: ['mullvad-ipv4'],
  ipv6: ['mullvad-ipv6'],
  dns: ['mullvad-dns'],
  webrtc: ['cloudflare-stun'],
  securedns: ['akamai-whoami'],
  headers: [],
  dnsNames: 6,
  deadlineMs: 5000,
};

function services(overrides: Partial<PopupServices> = {}): PopupServices {
  return fakeServices(SETTINGS, overrides);
}

const finished = (results: CheckResults, verdict: Verdict) => services({ run: vi.fn(async () => results), decide: () => verdict });

const banner = () => screen.getByTestId('verdict');
const section = (name: string) => screen.getByTestId(`section-${name}`);

afterEach(cleanup);

describe('Popup while checking', () => {
  it('shows "Checking…" and marks every probe section busy', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(s.run).toHaveBeenCalled());
    expect(banner().dataset.level).toBe('pending');
    expect(banner().getAttribute('role')).toBe('status');
    expect(banner().getAttribute('aria-live')).toBe('polite');
    expect(banner().textContent).toContain('Checking…');
    for (const name of ['ipv4', 'ipv6', 'dns', 'webrtc', 'securedns', 'headers', 'locale']) {
      expect(section(name).dataset.state).toBe('pending');
      expect(section(name).getAttribute('aria-busy')).toBe('true');
      expect(section(name).querySelector('.skeleton')).not.toBeNull();
    }
    expect(screen.queryAllByTestId('ip')).toHaveLength(0);
  });

  it('fills sections as probes finish while the banner keeps waiting', async () => {
    let push: (r: CheckResults) => void = () => undefined;
    const s = services({
      run: vi.fn((_settings, onUpdate) => {
        push = onUpdate;
        return new Promise<CheckResults>(() => undefined);
      }),
    });
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(s.run).toHaveBeenCalled());
    act(() => push({ ...PENDING, ipv4: CLEAN.ipv4 }));
    expect(section('ipv4').dataset.state).toBe('done');
    expect(section('ipv4').hasAttribute('aria-busy')).toBe(false);
    expect(screen.getByTestId('ip').textContent).toBe(V4);
    expect(section('dns').dataset.state).toBe('pending');
    expect(banner().dataset.level).toBe('pending');
  });

  it('shows a provisional section with the answers so far and who is still out, then the final one in the same slot', async () => {
    let push: (r: CheckResults) => void = () => undefined;
    const s = services({
      run: vi.fn((_settings, onUpdate) => {
        push = onUpdate;
        return new Promise<CheckResults>(() => undefined);
      }),
    });
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(s.run).toHaveBeenCalled());
    const [v4, rtc] = [CLEAN.ipv4, CLEAN.webrtc];
    if (v4.state !== 'done' || rtc.state !== 'done') throw new Error('fixture');
    act(() =>
      push({
        ...PENDING,
        ipv4: { state: 'partial', result: v4.result, answered: 3, waiting: ['cloudflare-ipv4'] },
        webrtc: {
          state: 'partial',
          result: { ...rtc.result, publicIps: [], observations: [] },
          answered: 0,
          waiting: ['cloudflare-stun'],
        },
      }),
    );
    expect(section('ipv4').dataset.state).toBe('partial');
    expect(section('ipv4').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('ip').textContent).toBe(V4);
    expect(within(section('ipv4')).getByTestId('partial').textContent).toBe('3 of 4 answered, waiting for Cloudflare');
    // WebRTC says what it still waits for, and "none" is not yet an answer.
    expect(within(section('webrtc')).getByTestId('partial').textContent).toBe('0 of 1 answered, waiting for Cloudflare');
    expect(section('webrtc').textContent).toContain('Public IP revealedChecking…');
    expect(banner().dataset.level).toBe('pending');
    act(() => push({ ...PENDING, ipv4: CLEAN.ipv4 }));
    expect(section('ipv4').dataset.state).toBe('done');
    expect(within(section('ipv4')).queryByTestId('partial')).toBeNull();
  });

  it('marks a leak seen before every section is final as "so far"', async () => {
    let push: (r: CheckResults) => void = () => undefined;
    const s = services({
      run: vi.fn((_settings, onUpdate) => {
        push = onUpdate;
        return new Promise<CheckResults>(() => undefined);
      }),
      decide: () => LEAK_VERDICT,
    });
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(s.run).toHaveBeenCalled());
    act(() => push({ ...PENDING, webrtc: LEAK.webrtc }));
    expect(banner().dataset.level).toBe('leak');
    expect(banner().dataset.final).toBe('false');
    expect(banner().textContent).toContain('(so far)');
    act(() => push(LEAK));
    expect(banner().dataset.final).toBe('true');
    expect(banner().textContent).not.toContain('(so far)');
  });

  it('shows a leak at once, before the other probes finish', async () => {
    let push: (r: CheckResults) => void = () => undefined;
    const s = services({
      run: vi.fn((_settings, onUpdate) => {
        push = onUpdate;
        return new Promise<CheckResults>(() => undefined);
      }),
      decide: (r) => (r.webrtc.state === 'done' ? LEAK_VERDICT : { level: 'unknown', reasons: [] }),
    });
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(s.run).toHaveBeenCalled());
    act(() => push({ ...PENDING, ipv4: CLEAN.ipv4 }));
    expect(banner().dataset.level).toBe('pending');
    act(() => push({ ...PENDING, ipv4: CLEAN.ipv4, webrtc: LEAK.webrtc }));
    expect(banner().dataset.level).toBe('leak');
  });
});

describe('Popup with results', () => {
  it('says "No leak found" with the first reason for a clean result', async () => {
    renderWithEnv(<Popup services={finished(CLEAN, CLEAN_VERDICT)} />);
    await waitFor(() => expect(banner().dataset.level).toBe('clean'));
    expect(banner().textContent).toContain('No leak found');
    expect(banner().textContent).toContain('Nothing reveals more than your web address.');
    expect(section('ipv4').textContent).toContain('3 of 3 providers agree');
    expect(section('ipv4').textContent).toContain('Germany · Example Hosting · AS64500');
    expect(screen.getAllByTestId('resolver').map((e) => e.textContent)).toEqual(['203.0.113.53', '2001:db8::53']);
    expect(screen.getByTestId('webrtc-public').textContent).toBe(V4);
    expect(section('webrtc').textContent).toContain('2 hidden by the browser (mDNS)');
    expect(section('securedns').textContent).toContain('Not available in this browser.');
    expect(section('locale').textContent).toContain('Europe/Berlin');
    expect(section('locale').textContent).toContain('Fits the IP country (Germany).');
  });

  it('says which headers were added on the way, and when it cannot tell', async () => {
    const echo = (outcome: Outcome<readonly ProxyHeader[]>): CheckResults => ({
      ...CLEAN,
      headers: {
        state: 'done',
        result: { observations: [{ endpointId: 'leakless-headers', outcome, ms: 5 }], headers: outcome.ok ? outcome.value : null },
      },
    });
    const cases: [CheckResults, string][] = [
      [CLEAN, 'Proxy headers: needs your own check server.'],
      [echo({ ok: true, value: [] }), 'No proxy headers added on the way.'],
      [
        echo({
          ok: true,
          value: [
            { name: 'Via', value: '1.1 proxy', ips: [] },
            { name: 'X-Forwarded-For', value: '84.171.20.7, 10.0.0.2', ips: ['84.171.20.7', '10.0.0.2'] },
          ],
        }),
        'Added on the way: Via, X-Forwarded-For (84.171.20.7, 10.0.0.2).',
      ],
      [echo({ ok: false, problem: { code: 'timeout' } }), "Proxy headers: can't tell."],
    ];
    for (const [results, text] of cases) {
      renderWithEnv(<Popup services={finished(results, CLEAN_VERDICT)} />);
      await waitFor(() => expect(screen.getByTestId('proxy-headers').textContent).toBe(text));
      cleanup();
    }
    renderWithEnv(<Popup services={finished(echo({ ok: false, problem: { code: 'timeout' } }), CLEAN_VERDICT)} />);
    await waitFor(() => expect(section('headers').textContent).toContain('No answer before the deadline.'));
  });

  it('turns red with the leak sentence, and lists what WebRTC exposes', async () => {
    renderWithEnv(<Popup services={finished(LEAK, LEAK_VERDICT)} />);
    await waitFor(() => expect(banner().dataset.level).toBe('leak'));
    expect(banner().className).toContain('banner-leak');
    expect(banner().textContent).toContain('Leak');
    expect(banner().textContent).toContain('WebRTC reveals 198.51.100.7, which differs from your web address 203.0.113.5.');
    expect(screen.getByTestId('webrtc-public').textContent).toBe('198.51.100.7');
    expect(screen.getByTestId('webrtc-local').textContent).toBe('192.168.1.20');
    expect(section('webrtc').textContent).toContain('Local addresses exposed');
    expect(screen.queryByTestId('webrtc-local-note')).toBeNull();
  });

  it('says which sites see the local addresses when they were gathered where the browser does not mask them', async () => {
    if (LEAK.webrtc.state !== 'done') throw new Error('fixture');
    const relayed: CheckResults = { ...LEAK, webrtc: { state: 'done', result: { ...LEAK.webrtc.result, hostView: 'privileged' } } };
    renderWithEnv(<Popup services={finished(relayed, CLEAN_VERDICT)} />);
    await waitFor(() => expect(screen.getByTestId('webrtc-local').textContent).toBe('192.168.1.20'));
    expect(section('webrtc').textContent).toContain('Local addresses seen by sites with camera or microphone access');
    expect(section('webrtc').textContent).not.toContain('Local addresses exposed');
    expect(screen.getByTestId('webrtc-local-note').textContent?.trim()).toBe('Other sites see only masked names.');
  });

  it('names countries in reason sentences', async () => {
    const verdict: Verdict = {
      level: 'leak',
      reasons: [{ code: 'dns-other-country', params: ['198.51.100.53', 'NL', 'DE'], severity: 'leak' }],
    };
    renderWithEnv(<Popup services={finished(CLEAN, verdict)} />);
    await waitFor(() => expect(banner().dataset.level).toBe('leak'));
    expect(banner().textContent).toContain('DNS resolver 198.51.100.53 is in Netherlands, but your IP address is in Germany.');
  });

  it('says "Can\'t tell" for an unknown verdict', async () => {
    const verdict: Verdict = { level: 'unknown', reasons: [{ code: 'dns-unknown', params: [], severity: 'info' }] };
    renderWithEnv(<Popup services={finished(CLEAN, verdict)} />);
    await waitFor(() => expect(banner().dataset.level).toBe('unknown'));
    expect(banner().textContent).toContain("Can't tell");
    expect(banner().textContent).toContain('Your DNS resolvers could not be determined.');
  });

  it('shows what failed in words, with the detail as plain text', async () => {
    const results: CheckResults = { ...CLEAN, dns: { state: 'failed', problem: { code: 'http-status', detail: '503' } } };
    renderWithEnv(<Popup services={finished(results, CLEAN_VERDICT)} />);
    await waitFor(() => expect(section('dns').dataset.state).toBe('failed'));
    expect(section('dns').textContent).toBe('DNSThe server answered with an error. (503)');
    expect(section('dns').hasAttribute('aria-busy')).toBe(false);
  });

  it('shows "no IPv6" as a neutral result, not a failure', async () => {
    const absent = { ...ipResult(6, V4, []), ip: null, absent: true };
    renderWithEnv(<Popup services={finished({ ...CLEAN, ipv6: { state: 'done', result: absent } }, CLEAN_VERDICT)} />);
    await waitFor(() => expect(section('ipv6').dataset.state).toBe('done'));
    expect(section('ipv6').textContent).toContain('No IPv6: this connection has no IPv6 address.');
    expect(section('ipv6').querySelector('.problem')).toBeNull();
  });

  it('lists each provider with its answer when providers disagree, and names failing ones', async () => {
    const base = ipResult(4, V4, ['mullvad-ipv4', 'ipify-ipv4']);
    const other = { endpointId: 'ipify-ipv4', outcome: { ok: true, value: { ip: '198.51.100.9', meta: {} } }, ms: 10 } as const;
    const failed = { endpointId: 'cloudflare-ipv4', outcome: { ok: false, problem: { code: 'timeout' } }, ms: 5000 } as const;
    const result = { ...base, disagreement: true, observations: [base.observations[0], other, failed].filter((o) => o !== undefined) };
    renderWithEnv(<Popup services={finished({ ...CLEAN, ipv4: { state: 'done', result } }, CLEAN_VERDICT)} />);
    await waitFor(() => expect(section('ipv4').dataset.state).toBe('done'));
    const text = section('ipv4').textContent ?? '';
    expect(text).toContain('Providers disagree:');
    expect(text).toContain(`Mullvad ${V4}`);
    expect(text).toContain('ipify 198.51.100.9');
    expect(text).toContain('Cloudflare: No answer before the deadline.');
    expect(section('ipv4').querySelectorAll('[data-testid="ip"]')).toHaveLength(2);
  });

  it('renders network data as text, never as markup', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const result = { ...ipResult(4, V4, ['mullvad-ipv4']), meta: { organization: hostile } };
    renderWithEnv(<Popup services={finished({ ...CLEAN, ipv4: { state: 'done', result } }, CLEAN_VERDICT)} />);
    await waitFor(() => expect(section('ipv4').dataset.state).toBe('done'));
    expect(section('ipv4').textContent).toContain(hostile);
    expect(document.querySelector('img')).toBeNull();
  });

  it('settles probes the engine left pending, so nothing spins forever', async () => {
    renderWithEnv(<Popup services={finished({ ...CLEAN, dns: { state: 'pending' } }, CLEAN_VERDICT)} />);
    await waitFor(() => expect(section('dns').dataset.state).toBe('failed'));
    expect(section('dns').textContent).toContain('An internal error in Leakless stopped this check.');
    expect(banner().dataset.level).toBe('clean');
  });
});
