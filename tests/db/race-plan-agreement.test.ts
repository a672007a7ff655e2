// A race plan's first day and a buyer's first week are computed by the database
// when the plan is sold (private.race_plan_start, private.plan_week_of) and by the
// app when it shows the plan (src/domain/race-plan.ts): generated race dates
// across years, leap days and changes of clocks, every plan length, and buying
// days from long before the plan to after the race.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { racePlanFirstWeek, racePlanStart } from '../../src/domain/race-plan.ts';
import { addDays } from '../../src/domain/zoned-time.ts';

const date = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2032-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('race plan arithmetic agrees with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('the first day and the first week, on 2,000 generated purchases', async () => {
    const cases = fc.sample(
      fc.record({
        race: date,
        weeks: fc.integer({ min: 1, max: 104 }),
        // from a year before the race to a month after it
        offset: fc.integer({ min: -800, max: 30 }),
      }),
      2_000,
    );
    // the clock changes of Europe: race days on the Sunday and the Monday
    for (const race of ['2027-03-28', '2027-03-29', '2027-10-31', '2027-11-01']) {
      for (const weeks of [1, 4, 12]) cases.push({ race, weeks, offset: -7 * weeks + 3 });
    }
    const rows = cases.map((c) => ({ ...c, today: addDays(c.race, c.offset) }));
    const { rows: sql } = await db.query<{ start: string; week: number }>(
      `select private.race_plan_start(x.race, x.weeks)::text as start,
              private.plan_week_of(private.race_plan_start(x.race, x.weeks), x.weeks, x.today) as week
         from jsonb_array_elements($1::jsonb) with ordinality as e(j, n),
              jsonb_to_record(e.j) as x(race date, weeks int, today date)
        order by e.n`,
      [JSON.stringify(rows)],
    );
    expect(sql).toEqual(
      rows.map((r) => {
        const start = racePlanStart(r.race, r.weeks);
        return { start, week: racePlanFirstWeek(start, r.weeks, r.today) };
      }),
    );
  });
});
