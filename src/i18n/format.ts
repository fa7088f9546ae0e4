// Chrome's messages.json substitution, for tests and tools that read the locale files directly.

export interface MessageEntry {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, { readonly content: string; readonly example?: string }>>;
}

export type Messages = Readonly<Record<string, MessageEntry>>;

/** `$name$` → the placeholder's content, then `$1`…`$9` → substitutions, `$$` → `$`. */
export function formatMessage(entry: MessageEntry, subs: readonly string[]): string {
  const placeholders = entry.placeholders ?? {};
  const named = entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
    const found = Object.entries(placeholders).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
}
