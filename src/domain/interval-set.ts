// Half-open intervals [start, end) of instants, and the set algebra the slot
// engine needs. A "set" is a sorted array of disjoint, non-adjacent, non-empty
// intervals; `normalize` makes one from anything in O(n log n), and union,
// subtraction and intersection of two sets are single linear sweeps.

export interface Interval {
  start: number;
  end: number;
}

/** sorts, drops empty intervals, merges overlapping and touching ones */
export function normalize(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) last.end = i.end;
    } else {
      out.push({ start: i.start, end: i.end });
    }
  }
  return out;
}

export function union(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  return normalize([...a, ...b]);
}

/** a − b, both normalized; linear in |a| + |b| */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const i of a) {
    let start = i.start;
    while (j < b.length && (b[j] as Interval).end <= start) j++;
    let k = j;
    while (k < b.length && (b[k] as Interval).start < i.end) {
      const cut = b[k] as Interval;
      if (cut.start > start) out.push({ start, end: cut.start });
      if (cut.end > start) start = cut.end;
      if (start >= i.end) break;
      k++;
    }
    if (start < i.end) out.push({ start, end: i.end });
  }
  return out;
}

/** a ∩ b, both normalized; linear in |a| + |b| */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** every interval widened: start − before, end + after (milliseconds) */
export function widen(intervals: readonly Interval[], before: number, after: number): Interval[] {
  return intervals.map((i) => ({ start: i.start - before, end: i.end + after }));
}

/** true when [start, end) lies inside one interval of a normalized set (binary search) */
export function covers(set: readonly Interval[], start: number, end: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = set[mid] as Interval;
    if (m.end <= start) lo = mid + 1;
    else if (m.start > start) hi = mid - 1;
    else return end <= m.end;
  }
  return false;
}
