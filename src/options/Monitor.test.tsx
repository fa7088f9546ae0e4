// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MonitorSettings } from '../model';
import { renderWithEnv } from '../ui/test-env';
import { Monitor, type MonitorControls } from './Monitor';

function controls(initial: MonitorSettings, granted = true): MonitorControls & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    load: async () => initial,
    turnOn: vi.fn(async (period: number) => {
      calls.push(`on ${period}`);
      return granted;
    }),
    turnOff: vi.fn(async () => void calls.push('off')),
    setPeriod: vi.fn(async (period: number) => void calls.push(`period ${period}`)),
    checkNow: vi.fn(async () => void calls.push('check')),
    historyUrl: 'moz-extension://x/src/history/index.html',
    webrtcInBackground: false,
  };
}

afterEach(cleanup);

describe('options: Watch my connection', () => {
  it('is off by default, says what it costs and that turning it off deletes the history', async () => {
    renderWithEnv(<Monitor controls={controls({ on: false, periodMin: 15 })} />);
    const toggle = await screen.findByRole('switch', { name: 'Watch my connection' });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/About 192 requests a day/)).toBeTruthy();
    expect(screen.getByText(/deletes the history/)).toBeTruthy();
    expect(screen.getByText(/the popup checks it/)).toBeTruthy();
    expect((screen.getByLabelText('15 minutes') as HTMLInputElement).checked).toBe(true);
  });

  it('asks for the permissions inside the click, with no await before', async () => {
    const c = controls({ on: false, periodMin: 15 });
    renderWithEnv(<Monitor controls={c} />);
    fireEvent.click(await screen.findByRole('switch'));
    // Synchronously: the permission prompt only appears for a user action.
    expect(c.turnOn).toHaveBeenCalledWith(15);
    await waitFor(() => expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(true));
    expect(screen.getByRole('link', { name: 'History of changes' }).getAttribute('href')).toContain('history');
  });

  it('stays off when the permissions are refused, and says why', async () => {
    renderWithEnv(<Monitor controls={controls({ on: false, periodMin: 15 }, false)} />);
    fireEvent.click(await screen.findByRole('switch'));
    await waitFor(() => expect(screen.getByTestId('monitor-status').textContent).toMatch(/needs these permissions/));
    expect((screen.getByRole('switch') as HTMLInputElement).checked).toBe(false);
  });

  it('turns off, changes the period and checks now', async () => {
    const c = controls({ on: true, periodMin: 15 });
    renderWithEnv(<Monitor controls={c} />);
    fireEvent.click(await screen.findByLabelText('5 minutes'));
    await waitFor(() => expect(screen.getByText(/About 576 requests a day/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    fireEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(c.calls).toEqual(['period 5', 'check', 'off']));
  });
});
