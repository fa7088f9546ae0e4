// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRegistry } from '../endpoints';
import { messagesT } from '../i18n/test-messages';
import { extensionPagesCsp, hostPermissions } from '../manifest/derive';
import { Audit, type AuditRun, type AuditServices } from './Audit';
import { evaluate } from './evaluate';
import { setAuditTranslate } from './text';
import type { AuditInputs } from './types';

const registry = buildRegistry(null);
const inputs: AuditInputs = {
  ledger: [
    {
      time: Date.UTC(2025, 0, 1, 12),
      endpointId: 'ipify-ipv4',
      url: 'https://api4.ipify.org/?format=json',
      host: 'api4.ipify.org',
      method: 'GET',
      bytesOut: 61,
      bytesIn: 21,
      status: 200,
      problem: null,
      ms: 30,
    },
  ],
  observations: [],
  manifest: {
    permissions: ['storage'],
    optional_permissions: ['privacy'],
    host_permissions: hostPermissions(registry),
    content_security_policy: { extension_pages: extensionPagesCsp(registry) },
  },
  target: 'chrome',
  stored: { local: ['settings'], session: ['audit:ledger'], sync: [] },
};

function services(run: AuditInputs = inputs): AuditServices & { exportRun: ReturnType<typeof vi.fn> } {
  return {
    load: vi.fn(async (): Promise<AuditRun> => ({ inputs: run, report: evaluate(run, registry) })),
    exportRun: vi.fn(async () => 'saved' as const),
  };
}

beforeAll(() => setAuditTranslate(messagesT('en')));
afterEach(cleanup);

describe('audit page', () => {
  it('shows a pass, the ledger as a table with headers, storage and the manifest check', async () => {
    render(<Audit services={services()} />);
    await waitFor(() => expect(screen.getByTestId('audit-result').textContent).toBe('Pass — 1 request, all to declared check endpoints'));
    const table = screen.getByRole('table');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Time',
      'Endpoint',
      'Host',
      'Method',
      'Bytes out',
      'Bytes in',
      'Status or problem',
      'Cause',
    ]);
    expect(screen.getByRole('rowheader').textContent).toBe('ipify-ipv4');
    expect(table.textContent).toContain('api4.ipify.org');
    expect(screen.getByText('No findings.')).toBeTruthy();
    expect(screen.getByText(/exactly the ones this build declares/)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Findings',
      'Requests this browser session',
      'What is stored, and where',
      'Manifest check',
    ]);
  });

  it('lists findings in plain words and flags the manifest', async () => {
    const bad: AuditInputs = {
      ...inputs,
      observations: [
        { kind: 'violation', time: 1, context: 'background', blockedURI: 'https://bg.example/x', violatedDirective: 'connect-src' },
      ],
      manifest: { ...inputs.manifest, permissions: ['storage', 'tabs'] },
      stored: { ...inputs.stored, sync: ['uid'] },
    };
    render(<Audit services={services(bad)} />);
    await waitFor(() => expect(screen.getByTestId('audit-result').textContent).toBe('3 findings — see below'));
    const items = [...screen.getByTestId('audit-findings').querySelectorAll('li')];
    expect(items.map((li) => li.dataset.code)).toEqual(['csp-violation', 'extra-permission', 'sync-not-empty']);
    expect(items[0]?.textContent).toBe(
      'The browser blocked an attempt from the background script to reach https://bg.example/x (connect-src).',
    );
    expect(screen.getByText(/differs from this build/)).toBeTruthy();
  });

  it('exports on click and says where the JSON went; re-checks on demand', async () => {
    const s = services();
    render(<Audit services={s} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Export JSON' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(screen.getByText('Saved as a file on this computer.')).toBeTruthy());
    expect(s.exportRun).toHaveBeenCalledWith(expect.objectContaining({ inputs }));
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(s.load).toHaveBeenCalledTimes(2));
  });
});
