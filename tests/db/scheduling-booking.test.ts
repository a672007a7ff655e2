// Booking under pressure, on the database itself (issue 5's proof):
//   - 50 simultaneous attempts at overlapping times for one coach → exactly one
//     succeeds, the rest get 23P01 (the exclusion constraint, not a prior check);
//   - a recurring booking whose 5th occurrence clashes is refused (23P01, slot_taken),
//     naming the date, or books around it when asked;
//   - the SQL resolution of wall-clock times agrees with src/domain/zoned-time.ts.
import pg from 'pg';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../../supabase/local/db/database.ts';
import { isPgError } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  addDays,
  dateFromEpochDay,
  epochDay,
  formatLocalTime,
  toInstant,
} from '../../src/domain/zoned-time.ts';

const ORG = '5c100000-0000-4000-a000-000000000001';
const COACH = '5c100000-0000-4000-b000-000000000001';
const member = (i: number) => `5c100000-0000-4000-c000-${String(i).padStart(12, '0')}`;
const ZONE = 'Europe/Berlin';
const MEMBERS = 50;

async function asUser<T>(tx: Queryable, user: string, fn: () => Promise<T>): Promise<T> {
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
    JSON.stringify({ sub: user, role: 'authenticated' }),
  ]);
  await tx.exec('set local role authenticated');
  return fn();
}

function errorOf(e: unknown): { code?: string; hint?: string; detail?: string; message: string } {
  if (isPgError(e)) return { code: e.code, hint: e.hint, detail: e.detail, message: e.message };
  return { message: String(e) };
}

describe('scheduling on the database', () => {
  let db: Database;
  let today: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const users = [COACH, ...Array.from({ length: MEMBERS }, (_, i) => member(i + 1))];
    await db.exec(`
      insert into auth.users (id, email)
        select u, 'sched-' || u || '@test.local' from unnest(array['${users.join("','")}']::uuid[]) u;
      insert into public.organizations (id, name, slug) values ('${ORG}', 'Booking race', 'booking-race');
      insert into public.memberships (org_id, user_id, role)
        select '${ORG}', u, case when u = '${COACH}' then 'coach' else 'member' end
        from unnest(array['${users.join("','")}']::uuid[]) u;
      insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes,
        buffer_before_minutes, buffer_after_minutes, booking_horizon_days)
        values ('${ORG}', '${COACH}', '${ZONE}', 0, 5, 5, 90);
      insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
        select '${ORG}', '${COACH}', d, '06:00', '22:00' from generate_series(0, 6) d;
    `);
    const r = await db.query<{ today: string }>(
      `select ((now() at time zone '${ZONE}')::date)::text as today`,
    );
    today = r.rows[0]?.today ?? '';
  });

  afterAll(async () => {
    await db?.close();
  });

  it.skipIf(!process.env.DATABASE_URL)(
    '50 concurrent attempts at overlapping times → exactly one booking (needs real PostgreSQL: PGlite runs one transaction at a time, so it cannot race)',
    async () => {
      const url = process.env.DATABASE_URL as string;
      const pool = new pg.Pool({ connectionString: url, max: MEMBERS });
      const date = addDays(today, 2);
      try {
        // every client opens its transaction first, then all book at once
        const clients = await Promise.all(Array.from({ length: MEMBERS }, () => pool.connect()));
        await Promise.all(
          clients.map(async (c, i) => {
            await c.query('begin');
            await c.query(`select set_config('request.jwt.claims', $1, true)`, [
              JSON.stringify({ sub: member(i + 1), role: 'authenticated' }),
            ]);
            await c.query('set local role authenticated');
          }),
        );
        const outcomes = await Promise.all(
          clients.map(async (c, i) => {
            // starts 10:00, 10:10 … 10:40: every pair of 60-minute sessions overlaps
            const start = toInstant(ZONE, date, 600 + (i % 5) * 10);
            try {
              await c.query('select public.book_slot($1, $2, $3)', [
                ORG,
                COACH,
                new Date(start).toISOString(),
              ]);
              await c.query('commit');
              return 'booked';
            } catch (e) {
              await c.query('rollback');
              return errorOf(e).code ?? 'unknown';
            } finally {
              c.release();
            }
          }),
        );
        expect(outcomes.filter((o) => o === 'booked')).toHaveLength(1);
        expect(outcomes.filter((o) => o === '23P01')).toHaveLength(MEMBERS - 1);
        const live = await db.query<{ n: number }>(
          `select count(*)::int as n from public.training_sessions
            where coach_id = $1 and status = 'scheduled' and local_date = $2`,
          [COACH, date],
        );
        expect(live.rows[0]?.n).toBe(1);
      } finally {
        await pool.end();
      }
    },
  );

  it('refuses a recurring booking whose 5th occurrence clashes, or skips that date when asked', async () => {
    const first = addDays(today, 3);
    const fifth = addDays(first, 28);
    const weekday = (epochDay(first) + 4) % 7;
    // someone already has the coach at 17:30 on the 5th date
    await db.query(
      `insert into public.training_sessions (org_id, coach_id, member_id, kind, origin, local_date,
         time_zone, starts_at, ends_at)
       values ($1, $2, $3, 'one_to_one', 'one_time_booking', $4, $5, $6, $7)`,
      [
        ORG,
        COACH,
        member(2),
        fifth,
        ZONE,
        new Date(toInstant(ZONE, fifth, 17 * 60 + 30)).toISOString(),
        new Date(toInstant(ZONE, fifth, 18 * 60 + 30)).toISOString(),
      ],
    );
    const book = (skip: boolean) =>
      db.transaction((tx) =>
        asUser(tx, member(1), () =>
          tx.query<{ r: { id: string; sessions_created: number; skipped: { date: string }[] } }>(
            `select public.create_recurring_booking($1, $2, $3, '18:00', $4,
               p_skip_conflicts => $5, p_end_date => $6) as r`,
            [ORG, COACH, weekday, first, skip, addDays(first, 49)],
          ),
        ),
      );

    const refused = await book(false).then(
      () => null,
      (e: unknown) => errorOf(e),
    );
    // time someone holds is a conflict with the current state: 409, named dates
    expect(refused?.code).toBe('23P01');
    expect(refused?.hint).toBe('slot_taken');
    expect(refused?.message).toBe(`the series clashes on 1 date(s): ${fifth}`);
    expect(JSON.parse(refused?.detail ?? '[]')).toEqual([
      expect.objectContaining({ date: fifth, problem: 'taken' }),
    ]);
    const none = await db.query<{ n: number }>(
      'select count(*)::int as n from public.recurring_bookings where member_id = $1',
      [member(1)],
    );
    expect(none.rows[0]?.n).toBe(0);

    const booked = (await book(true)).rows[0]?.r;
    expect(booked?.skipped.map((s) => s.date)).toEqual([fifth]);
    // 8 weekly dates to the end date; six weeks are generated now, minus the 5th
    const sessions = await db.query<{ d: string; t: string }>(
      `select local_date::text as d, to_char(starts_at at time zone $2, 'HH24:MI') as t
         from public.training_sessions where recurring_booking_id = $1 order by starts_at`,
      [booked?.id, ZONE],
    );
    expect(sessions.rows.map((r) => r.d)).toEqual([0, 7, 14, 21, 35].map((n) => addDays(first, n)));
    expect(new Set(sessions.rows.map((r) => r.t))).toEqual(new Set(['18:00']));
  });

  it('resolves wall-clock times exactly as the domain does (gaps forward, overlaps earlier)', async () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Europe/Moscow'];
    // 400 random (zone, date, time) triples, biased to the 2026 transition days
    const transitions = [
      '2026-03-08',
      '2026-03-29',
      '2026-04-05',
      '2026-10-04',
      '2026-10-25',
      '2026-11-01',
    ];
    const samples = fc.sample(
      fc.record({
        zone: fc.constantFrom(...zones),
        date: fc.oneof(
          fc.constantFrom(...transitions),
          fc
            .integer({ min: epochDay('2014-01-01'), max: epochDay('2030-12-31') })
            .map(dateFromEpochDay),
        ),
        minutes: fc.oneof(fc.integer({ min: 60, max: 210 }), fc.integer({ min: 0, max: 1439 })),
      }),
      { numRuns: 400, seed: 20261122 },
    );
    const r = await db.query<{ ms: string }>(
      `select (extract(epoch from private.zoned_instant(d, t, z)) * 1000)::bigint::text as ms
         from unnest($1::date[], $2::time[], $3::text[]) with ordinality as x(d, t, z, n)
        order by n`,
      [
        samples.map((s) => s.date),
        samples.map((s) => formatLocalTime(s.minutes)),
        samples.map((s) => s.zone),
      ],
    );
    const sql = r.rows.map((row) => Number(row.ms));
    const ts = samples.map((s) => toInstant(s.zone, s.date, s.minutes));
    expect(sql).toEqual(ts);
  });
});
