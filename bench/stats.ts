/** Summary of one measured operation: milliseconds per call. */
export interface Summary {
  samples: number;
  median: number;
  p95: number;
}

/** The q-quantile (0..1) of a list of numbers, by linear interpolation between ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError("quantile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low] as number;
  const highValue = sorted[high] as number;
  return lowValue + (highValue - lowValue) * (rank - low);
}

export function summarize(values: readonly number[]): Summary {
  return { samples: values.length, median: quantile(values, 0.5), p95: quantile(values, 0.95) };
}

/**
 * The median of `a[i] / b[i]`: the ratio of two sides measured in pairs, each pair at the
 * same moment, so that what the moment costs cancels within a pair.
 */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError(`paired lists differ in length (${a.length}, ${b.length})`);
  return quantile(
    a.map((value, i) => value / (b[i] as number)),
    0.5,
  );
}

/** Requests a walk of `n` invoices should take at 100 a page (one request even for none). */
export function expectedRequests(n: number, pageSize = 100): number {
  return Math.max(1, Math.ceil(n / pageSize));
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
