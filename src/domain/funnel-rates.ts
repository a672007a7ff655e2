// A funnel's rates, both of them (storefront reference §4.3 item 19, PostHog's
// vocabulary): overall = a step's units over the first step's; step-to-step =
// over the step just above. A rate over zero units is no rate at all (null),
// never 0 % or a division's Infinity.

export interface FunnelStepRates {
  /** this step over the first step; the first step's own is 1 */
  overall: number | null;
  /** this step over the previous step; the first step has none */
  fromPrevious: number | null;
}

const ratio = (part: number | null, whole: number | null): number | null =>
  part === null || whole === null || whole <= 0 ? null : part / whole;

export function funnelRates(counts: readonly (number | null)[]): FunnelStepRates[] {
  const first = counts[0] ?? null;
  return counts.map((count, i) => ({
    overall: i === 0 ? ratio(count, count) : ratio(count, first),
    fromPrevious: i === 0 ? null : ratio(count, counts[i - 1] ?? null),
  }));
}
