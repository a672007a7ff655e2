// How long a series runs (src/domain/series-length.ts) and the CHECK constraint
// recurring_bookings_dates must agree: an end date the form takes is one the
// database stores, one the form refuses as before the start is one the database
// refuses, and a count of sessions always becomes an end date it stores.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { MAX_OCCURRENCES, seriesEndDate } from '../../src/domain/series-length.ts';
import { addDays } from '../../src/domain/zoned-time.ts';

describe('series length rules agree with the database', () => {
  let db: Database;
  let expr = '';
  beforeAll(async () => {
    db = await createTestDatabase();
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = 'public.recurring_bookings'::regclass and c.conname = 'recurring_bookings_dates'`,
    );
    expr = def.rows[0]?.expr ?? '';
  });
  afterAll(async () => {
    await db?.close();
  });

  async function stores(start: string, end: string | null): Promise<boolean> {
    const r = await db.query<{ ok: boolean }>(
      `select (${expr}) as ok from (select $1::date as start_date, $2::date as end_date) v`,
      [start, end],
    );
    return r.rows[0]?.ok === true;
  }

  it('finds the constraint', () => {
    expect(expr).toMatch(/end_date/);
  });

  it('an end date: the form and the constraint give one verdict', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: -40, max: 800 }),
        fc.constantFrom<1 | 2>(1, 2),
        async (startDay, offset, every) => {
          const start = addDays('2026-01-01', startDay);
          const end = addDays(start, offset);
          const form = seriesEndDate(start, every, { kind: 'until', date: end });
          expect(form.ok).toBe(await stores(start, end));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a count the form takes becomes an end date the database stores', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: -2, max: MAX_OCCURRENCES + 2 }),
        fc.constantFrom<1 | 2>(1, 2),
        async (startDay, count, every) => {
          const start = addDays('2026-01-01', startDay);
          const form = seriesEndDate(start, every, { kind: 'count', count });
          if (form.ok) expect(await stores(start, form.endDate)).toBe(true);
          else expect(count < 1 || count > MAX_OCCURRENCES).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
