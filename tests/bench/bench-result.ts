/** One line of `.bench/results.json` (ARCHITECTURE §9). */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  /** what the figure is compared with, measured in the same run */
  baseline: string;
  baseline_value: number;
  ratio: number;
  /** the bound this entry must respect: by default the ratio must stay at or under it */
  limit?: number;
  /** what `limit` bounds: the ratio (the default) or the value itself (a size, a score) */
  limit_of?: 'ratio' | 'value';
  /** `max` (the default): at or under the limit; `min`: at or over it (a score) */
  limit_kind?: 'max' | 'min';
  /** anything worth reading next to the figure (e.g. a plan when the ratio is poor) */
  notes?: string;
}

/** how an entry misses its limit ("ratio 2.31 > 2"), or undefined when it keeps it (or has none) */
export function limitMiss(r: BenchResult): string | undefined {
  if (r.limit === undefined) return undefined;
  const of = r.limit_of ?? 'ratio';
  const figure = of === 'value' ? r.value : r.ratio;
  const shown = `${of} ${figure.toFixed(2)}`;
  if ((r.limit_kind ?? 'max') === 'min') {
    return figure < r.limit ? `${shown} < ${r.limit}` : undefined;
  }
  return figure > r.limit ? `${shown} > ${r.limit}` : undefined;
}

/** the limit as the table prints it: "ratio ≤ 2", "value ≥ 90" */
export function describeLimit(r: BenchResult): string {
  if (r.limit === undefined) return '';
  return `${r.limit_of ?? 'ratio'} ${(r.limit_kind ?? 'max') === 'min' ? '≥' : '≤'} ${r.limit}`;
}

export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Times two variants alternately so that drift on a noisy machine (other
 * processes, GC, JIT warm-up) hits both equally; returns median milliseconds.
 */
export async function timePair(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  rounds: number,
  warmup = 5,
): Promise<{ a: number; b: number }> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    await a();
    as.push(performance.now() - t);
    t = performance.now();
    await b();
    bs.push(performance.now() - t);
  }
  return { a: median(as), b: median(bs) };
}
