// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckResults, Settings } from '../model';
import { renderWithEnv } from '../ui/test-env';
import { CLEAN, CLEAN_VERDICT, LEAK, LEAK_VERDICT, V4 } from './fixtures';
import { Popup, type PopupServices } from './Popup';
import { fakeServices } from './testing';

const SETTINGS: Settings = { ipv4: [], ipv6: [], dns: [], webrtc: [], securedns: [], headers: [], dnsNames: 6, deadlineMs: 5000 };

function services(overrides: Partial<PopupServices> = {}): PopupServices {
  return fakeServices(SETTINGS, {
    run: vi.fn(async () => LEAK),
    decide: (r) => (r.webrtc === LEAK.webrtc ? LEAK_VERDICT : CLEAN_VERDICT),
    ...overrides,
  });
}

const button = (name: string) => screen.getByRole('button', { name });
const settled = () => waitFor(() => expect(screen.getByTestId('verdict').dataset.level).not.toBe('pending'));

afterEach(cleanup);

describe('copy', () => {
  it('copies the results as valid JSON, and says so', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    await settled();
    fireEvent.click(button('Copy as JSON'));
    await waitFor(() => expect(screen.getByText('Copied')).toBeTruthy());
    const copied = vi.mocked(s.copy).mock.calls[0]?.[0] ?? '';
    const parsed = JSON.parse(copied) as { results: CheckResults; verdict: unknown; checkedAt: string };
    expect(parsed.results).toEqual(LEAK);
    expect(parsed.verdict).toEqual(LEAK_VERDICT);
    expect(parsed.checkedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('copies a readable text with the verdict and the addresses', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    await settled();
    fireEvent.click(button('Copy as text'));
    await waitFor(() => expect(s.copy).toHaveBeenCalled());
    const text = vi.mocked(s.copy).mock.calls[0]?.[0] ?? '';
    expect(text).toContain('Leakless: Leak — WebRTC reveals 198.51.100.7');
    expect(text).toContain(`IPv4: ${V4} (Germany · Example Hosting · AS64500)`);
    expect(text).toContain('Public IP revealed: 198.51.100.7; Local addresses exposed: 192.168.1.20');
    expect(text).not.toContain('<');
  });

  it('says when the clipboard refused', async () => {
    renderWithEnv(<Popup services={services({ copy: vi.fn(async () => Promise.reject(new Error('denied'))) })} />);
    await settled();
    fireEvent.click(button('Copy as text'));
    await waitFor(() => expect(screen.getByText('Could not copy')).toBeTruthy());
  });
});

describe('controls', () => {
  it('re-runs the check with the current settings', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    await settled();
    fireEvent.click(button('Re-run'));
    await waitFor(() => expect(s.run).toHaveBeenCalledTimes(2));
    expect(vi.mocked(s.run).mock.calls[1]?.[0]).toEqual(SETTINGS);
  });

  it('drops late updates of a superseded run', async () => {
    const resolvers: ((r: CheckResults) => void)[] = [];
    const s = services({ run: vi.fn(() => new Promise<CheckResults>((resolve) => resolvers.push(resolve))) });
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(resolvers).toHaveLength(1));
    resolvers[0]?.(CLEAN);
    await settled();
    fireEvent.click(button('Re-run'));
    await waitFor(() => expect(resolvers).toHaveLength(2));
    expect(screen.getByTestId('verdict').dataset.level).toBe('pending');
    resolvers[1]?.(LEAK);
    await waitFor(() => expect(screen.getByTestId('verdict').dataset.level).toBe('leak'));
  });

  it('persists the extended DNS test switch (36 names)', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    await settled();
    const toggle = screen.getByRole('switch', { name: 'Extended DNS test' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    fireEvent.click(toggle);
    await waitFor(() => expect(s.saveSettings).toHaveBeenCalledWith({ ...SETTINGS, dnsNames: 36 }));
    await waitFor(() => expect(toggle.checked).toBe(true));
  });

  it('opens the options page', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    fireEvent.click(button('Settings'));
    expect(s.openOptions).toHaveBeenCalledOnce();
  });

  it('saves the finished result for "remember last result"', async () => {
    const s = services();
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(s.saveLast).toHaveBeenCalledWith(LEAK));
  });

  it('shows the remembered result greyed while the new check runs', async () => {
    const s = services({ loadLast: async () => CLEAN, run: vi.fn(() => new Promise<CheckResults>(() => undefined)) });
    renderWithEnv(<Popup services={s} />);
    await waitFor(() => expect(screen.getByTestId('section-ipv4').querySelector('.stale')).not.toBeNull());
    expect(screen.getByTestId('section-ipv4').dataset.state).toBe('pending');
    expect(screen.getByTestId('section-ipv4').textContent).toContain(V4);
    expect(screen.getByTestId('verdict').dataset.level).toBe('pending');
    expect(screen.getByTestId('verdict').textContent).toContain('your previous result');
  });
});

describe('self-audit line', () => {
  it('reports a pass with the request count, and links to the audit page', async () => {
    renderWithEnv(<Popup services={services()} auditSummary={{ requests: 12, findings: 0, pass: true }} />);
    const line = screen.getByTestId('section-audit');
    expect(line.textContent).toContain('Pass: 12 requests, all to declared check endpoints');
    expect(screen.getByRole('link', { name: 'Open the self-audit' }).getAttribute('href')).toBe('audit.html');
  });

  it('reports findings', () => {
    renderWithEnv(<Popup services={services()} auditSummary={{ requests: 12, findings: 2, pass: false }} />);
    expect(screen.getByTestId('section-audit').textContent).toContain('Findings: 2');
    expect(screen.getByTestId('section-audit').textContent).not.toContain('Pass');
  });
});
