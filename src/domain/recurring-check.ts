// Every occurrence of a prospective weekly / bi-weekly booking up to the coach's
// horizon, each with what stands in its way — the same verdicts the database's
// create_recurring_booking gives (outside_availability, blocked, taken), so a
// device can show the clashing dates before asking the server, which decides.
// Checking every occurrence, not just the first (Cal.com #11654, #15997).
import type { Interval } from './interval-set.ts';
import { overlaps } from './interval-set.ts';
import type { Occurrence, WeeklySeries } from './recurrence.ts';
import { occurrences } from './recurrence.ts';
import type { SlotInput } from './slots.ts';
import { fitsAvailability } from './slots.ts';
import type { Instant } from './zoned-time.ts';
import { MINUTE, addDays, localDateAt } from './zoned-time.ts';

export type OccurrenceProblem = 'outside_availability' | 'blocked' | 'taken';

export interface CheckedOccurrence extends Occurrence {
  problem: OccurrenceProblem | null;
}

export function checkRecurring(
  series: WeeklySeries,
  rules: Pick<SlotInput, 'settings' | 'weekly' | 'additions' | 'blocked' | 'busy'>,
  now: Instant,
): CheckedOccurrence[] {
  const s = rules.settings;
  const today = localDateAt(s.zone, now);
  const from = series.startDate > today ? series.startDate : today;
  const before = (s.bufferBeforeMinutes ?? 0) * MINUTE;
  const after = (s.bufferAfterMinutes ?? 0) * MINUTE;
  const busy = rules.busy ?? [];
  const blocked = rules.blocked ?? [];
  return occurrences(series, from, addDays(today, s.horizonDays)).map((o) => {
    const session: Interval = { start: o.start, end: o.end };
    const mine = { start: o.start - before, end: o.end + after };
    let problem: OccurrenceProblem | null = null;
    if (!fitsAvailability({ ...rules, blocked: [] }, session)) problem = 'outside_availability';
    else if (blocked.some((b) => overlaps(b, session))) problem = 'blocked';
    else if (busy.some((b) => overlaps(mine, { start: b.start - before, end: b.end + after }))) {
      problem = 'taken';
    }
    return { ...o, problem };
  });
}
