// Test helpers only: the popup's services with harmless defaults, for component tests to override.
import { vi } from 'vitest';
import type { CheckResults, Settings } from '../model';
import { CLEAN_VERDICT } from './fixtures';
import type { PopupServices } from './Popup';

export function fakeServices(settings: Settings, overrides: Partial<PopupServices> = {}): PopupServices {
  return {
    loadSettings: async () => settings,
    saveSettings: vi.fn(async (s: Settings) => s),
    loadLast: async () => null,
    saveLast: vi.fn(async () => undefined),
    // A check that never finishes, unless the test says otherwise.
    run: vi.fn(() => new Promise<CheckResults>(() => undefined)),
    decide: () => CLEAN_VERDICT,
    copy: vi.fn(async () => undefined),
    openOptions: vi.fn(),
    auditUrl: 'audit.html',
    now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
    ...overrides,
  };
}
