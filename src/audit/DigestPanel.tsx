import { useEffect, useState } from 'preact/hooks';
import type { InstalledDigest } from './digest';
import { digestLine, TEXT } from './text';

type State = { state: 'loading' } | { state: 'done'; result: InstalledDigest } | { state: 'failed' };

/** The installed copy's digest, with the caveat that a copy vouching for itself proves little on its own. */
export function DigestPanel({ load }: { load: () => Promise<InstalledDigest> }) {
  const [digest, setDigest] = useState<State>({ state: 'loading' });
  useEffect(() => {
    load().then(
      (result) => setDigest({ state: 'done', result }),
      () => setDigest({ state: 'failed' }),
    );
  }, [load]);
  return (
    <section aria-labelledby="h-digest">
      <h2 id="h-digest">{TEXT.digestHeading}</h2>
      {digest.state === 'loading' && <p>{TEXT.loading}</p>}
      {digest.state === 'failed' && <p>{TEXT.digestFailed}</p>}
      {digest.state === 'done' && (
        <p>
          {digestLine(digest.result.files)} <code data-testid="audit-digest">{digest.result.digest}</code>
        </p>
      )}
      <p>{TEXT.digestCaveat}</p>
    </section>
  );
}
