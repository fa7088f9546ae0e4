import { vi } from 'vitest';

// The real polyfill throws outside an extension; unit tests use the injectable src/ext layer instead.
vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'test-id' } } }));
