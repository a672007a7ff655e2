// The ЕВСК norms the migration ships (supabase/migrations/20261207120000_results.sql),
// written out once more so unit tests can generate boundary cases from them;
// tests/db/results-agreement.test.ts proves the database holds exactly these.
// Men's sprints of the 2017 athletics table (source in each row); hand timing has
// no МСМК/МС column there.
import type { EvskNorm } from './rank-suggestion.ts';
import { NORM_RANKS } from './rank-suggestion.ts';

type Grid = readonly [string, 'auto' | 'hand', 'indoor' | 'outdoor', readonly (number | null)[]];

/** columns МСМК … III юн, as the table prints them */
export const EVSK_2017_GRIDS: readonly Grid[] = [
  ['60m', 'auto', 'outdoor', [6.68, 6.84, 7.04, 7.34, 7.64, 8.04, 8.44, 8.94, 9.54]],
  ['60m', 'auto', 'indoor', [6.68, 6.84, 7.04, 7.34, 7.64, 8.04, 8.44, 8.94, 9.54]],
  ['60m', 'hand', 'outdoor', [null, null, 6.8, 7.1, 7.4, 7.8, 8.2, 8.7, 9.3]],
  ['60m', 'hand', 'indoor', [null, null, 6.8, 7.1, 7.4, 7.8, 8.2, 8.7, 9.3]],
  ['100m', 'auto', 'outdoor', [10.28, 10.64, 10.94, 11.44, 12.04, 12.84, 13.74, 14.64, 15.64]],
  ['100m', 'hand', 'outdoor', [null, null, 10.7, 11.2, 11.8, 12.6, 13.5, 14.4, 15.4]],
  ['200m', 'auto', 'outdoor', [20.72, 21.3, 22.24, 23.24, 24.54, 26.24, 28.24, 30.74, 34.24]],
  ['200m', 'hand', 'outdoor', [null, null, 22.0, 23.0, 24.3, 26.0, 28.0, 30.5, 34.0]],
];

const MIN_LEVELS: Record<string, string> = {
  МСМК: 'national',
  МС: 'federal_district',
  КМС: 'regional',
};

export const EVSK_2017_EDITION = 'ЕВСК 2017, лёгкая атлетика';
export const EVSK_2017_VALID_FROM = '2017-01-01';
export const EVSK_2017_VALID_TO = '2023-03-15';

/** the grids as norm rows (sources abbreviated: the database holds the full citation) */
export function evsk2017Norms(): EvskNorm[] {
  const highestFirst = [...NORM_RANKS].reverse();
  return EVSK_2017_GRIDS.flatMap(([discipline, timing, venue, figures]) =>
    highestFirst.flatMap((rank, i) => {
      const threshold = figures[i];
      if (threshold === null || threshold === undefined) return [];
      return [
        {
          edition: EVSK_2017_EDITION,
          discipline,
          sex: 'male',
          result_kind: 'time',
          timing,
          venue,
          rank,
          threshold,
          min_age: null,
          min_level: MIN_LEVELS[rank] ?? null,
          valid_from: EVSK_2017_VALID_FROM,
          valid_to: EVSK_2017_VALID_TO,
          source: 'sdusshor5vrn.ru, 2017',
        },
      ];
    }),
  );
}
