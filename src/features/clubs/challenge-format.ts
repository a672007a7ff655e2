// How a challenge's figures read on the challenge pages: a progress or target in
// its metric's unit, and a local date in the club's zone.
import type { ChallengeMetric } from '../../domain/club-challenge.ts';
import { toInstant } from '../../domain/zoned-time.ts';
import { currentIntlTag } from '../../i18n/locale.ts';
import { formatShortDate } from '../../ui/time-format.ts';
import { clubsStrings } from './clubs-strings.ts';

/** «12,5 км» or «7 зан.»: km with at most one decimal, sessions whole */
export function formatAmount(metric: string, value: number): string {
  const m: ChallengeMetric = metric === 'distance_km' ? 'distance_km' : 'sessions';
  const n = value.toLocaleString(currentIntlTag, {
    maximumFractionDigits: m === 'distance_km' ? 1 : 0,
  });
  return clubsStrings.challenges.unit[m](n);
}

/** a club's local date, as a short date */
export function formatLocalDate(date: string, zone: string): string {
  return formatShortDate(toInstant(zone, date, 12 * 60), zone);
}

/** the metric's name */
export function metricName(metric: string): string {
  return metric === 'distance_km'
    ? clubsStrings.challenges.metric.distance_km
    : clubsStrings.challenges.metric.sessions;
}

/** the chip tone of a challenge's phase */
export const phaseTone = { upcoming: 'neutral', running: 'success', over: 'warning' } as const;
