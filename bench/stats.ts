/** Median, min and max of the values that were measured (nulls are left out: "not available" is not zero). */
export interface Summary {
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly n: number;
}

export function summarize(values: readonly (number | null | undefined)[]): Summary {
  const xs = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return { median: null, min: null, max: null, n: 0 };
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? (xs[mid] ?? 0) : ((xs[mid - 1] ?? 0) + (xs[mid] ?? 0)) / 2;
  return { median, min: xs[0] ?? null, max: xs[xs.length - 1] ?? null, n: xs.length };
}
