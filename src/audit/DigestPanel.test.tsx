// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messagesT } from '../i18n/test-messages';
import { DigestPanel } from './DigestPanel';
import { setAuditTranslate } from './text';

const DIGEST = '3d5f3255c4caa6e599005f37d60fe23b7a3dd7d1cfc279d0b598f10919d28a17';
const CAVEAT =
  'This copy computed the digest over its own files, so an altered copy could lie about itself. The independent check is npm run verify, run on the installed copy with the source.';

beforeAll(() => setAuditTranslate(messagesT('en')));
afterEach(cleanup);

describe('the installed copy’s digest', () => {
  it('shows the digest and the caveat', async () => {
    render(<DigestPanel load={async () => ({ digest: DIGEST, files: 42 })} />);
    await waitFor(() => expect(screen.getByTestId('audit-digest').textContent).toBe(DIGEST));
    expect(screen.getByRole('region', { name: 'This copy' }).textContent).toBe(
      `This copySHA-256 digest of its 42 packaged files (the one in FILE-DIGESTS next to the archives): ${DIGEST}${CAVEAT}`,
    );
  });

  it('says so when the files cannot be read, and still gives the caveat', async () => {
    render(<DigestPanel load={async () => Promise.reject(new Error('404'))} />);
    await waitFor(() => expect(screen.getByText('Could not read the packaged files.')).toBeTruthy());
    expect(screen.getByText(CAVEAT)).toBeTruthy();
  });
});
