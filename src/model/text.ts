// Provider-supplied text (organisation names, cities) is shown in the popup and pasted into bug reports.
// Control (Cc), format (Cf: bidi overrides, zero-width joiners…) and line/paragraph separators (Zl, Zp)
// would let a provider add a fake line to the copied report or reverse the address next to its name.
// Lone surrogates (Cs) are dropped too: they are not text, and render as a replacement character.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]+/gu;
const SPACES = /\s+/gu;

/**
 * One line of harmless text: unsafe characters become a space, runs of white space one space, trimmed,
 * at most `max` code points (never half a surrogate pair).
 */
export function plainText(value: string, max = 200): string {
  const flat = value.replace(UNSAFE, ' ').replace(SPACES, ' ').trim();
  const points = [...flat];
  return points.length > max ? points.slice(0, max).join('').trimEnd() : flat;
}

/** True if `value` is already what plainText makes of it: a check for text read back from storage. */
export const isPlainText = (value: unknown, max = 200): value is string => typeof value === 'string' && plainText(value, max) === value;
