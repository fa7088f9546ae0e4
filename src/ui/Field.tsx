import type { ComponentChildren } from 'preact';

/**
 * One label/value row of a definition list: no colons to translate, and screen readers pair them.
 * `long`: a label that is a phrase, not a word; it may wrap instead of pushing the values out of the popup.
 */
export function Field({ label, children, long = false }: { label: string; children: ComponentChildren; long?: boolean }) {
  return (
    <div class={long ? 'field field-long' : 'field'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Items separated by commas, each in its own element (tests and screen readers read them one by one). */
export function Items({ values, testId, empty }: { values: readonly string[]; testId?: string; empty: string }) {
  if (values.length === 0) return <span>{empty}</span>;
  return (
    <span>
      {values.map((value, i) => (
        <span key={value}>
          {i > 0 ? ', ' : ''}
          <span class="addr" data-testid={testId}>
            {value}
          </span>
        </span>
      ))}
    </span>
  );
}
