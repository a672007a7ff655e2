/** One line of `.bench/results.json` (ARCHITECTURE §9). */
export interface BenchResult {
  name: string;
  unit: string;
  value: number;
  /** what the figure is compared with, measured in the same run */
  baseline: string;
  baseline_value: number;
  ratio: number;
  /** the ratio this entry must stay at or under */
  limit?: number;
  /** anything worth reading next to the figure (e.g. a plan when the ratio is poor) */
  notes?: string;
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
