// Double booking is impossible at any distance, under real concurrency (issue 12 §1).
// Each round opens 50 transactions on PostgreSQL 15, then fires every attempt at
// once: one-time against one-time, unequal overlapping slots, weekly against
// one-time on the series' ninth date (beyond the six generated weeks), weekly
// against bi-weekly, series that start beyond the generated window, and a booking
// moved (reschedule_booking) onto a time others book at once. Exactly one
// attempt wins; every loser gets 23P01 with hint slot_taken and the clashing dates
// as JSON — never a deadlock (40P01, which the API answers with HTTP 500).
// PGlite runs one statement at a time, so these rounds need DATABASE_URL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { isPgError } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { addDays, epochDay, toInstant } from '../../src/domain/zoned-time.ts';

const ORG = '5c300000-0000-4000-a000-000000000001';
const coach = (i: number) => `5c300000-0000-4000-b000-${String(i).padStart(12, '0')}`;
const member = (i: number) => `5c300000-0000-4000-c000-${String(i).padStart(12, '0')}`;
const ZONE = 'Europe/Berlin';
const ATTEMPTS = 50;
const COACHES = 7;

type Attempt = (c: pg.PoolClient) => Promise<unknown>;
interface Outcome {
  won: boolean;
  code?: string;
  hint?: string;
  detail?: string;
}

const weekdayOf = (date: string) => (epochDay(date) + 4) % 7;
const at = (date: string, minutes: number) =>
  new Date(toInstant(ZONE, date, minutes)).toISOString();

describe.skipIf(!process.env.DATABASE_URL)(
  'booking races on PostgreSQL (needs DATABASE_URL: PGlite cannot race)',
  () => {
    let db: Database;
    let pool: pg.Pool;
    let today: string;

    beforeAll(async () => {
      db = await createTestDatabase();
      pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: ATTEMPTS });
      const coaches = Array.from({ length: COACHES }, (_, i) => coach(i + 1));
      const members = Array.from({ length: ATTEMPTS }, (_, i) => member(i + 1));
      const users = [...coaches, ...members];
      await db.exec(`
        insert into auth.users (id, email)
          select u, 'race-' || u || '@test.local' from unnest(array['${users.join("','")}']::uuid[]) u;
        insert into public.organizations (id, name, slug) values ('${ORG}', 'Races', 'booking-races');
        insert into public.memberships (org_id, user_id, role)
          select '${ORG}', u, case when u = any (array['${coaches.join("','")}']::uuid[]) then 'coach' else 'member' end
            from unnest(array['${users.join("','")}']::uuid[]) u;
        insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes,
          buffer_before_minutes, buffer_after_minutes, booking_horizon_days)
          select '${ORG}', c, '${ZONE}', 0, 5, 5, 120 from unnest(array['${coaches.join("','")}']::uuid[]) c;
        insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
          select '${ORG}', c, d, '06:00', '22:00'
            from unnest(array['${coaches.join("','")}']::uuid[]) c cross join generate_series(0, 6) d;
      `);
      const r = await db.query<{ today: string }>(
        `select ((now() at time zone '${ZONE}')::date)::text as today`,
      );
      today = r.rows[0]?.today ?? '';
    });

    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    /** every attempt in its own open transaction, then all at once */
    async function race(attempts: Attempt[]): Promise<Outcome[]> {
      const clients = await Promise.all(attempts.map(() => pool.connect()));
      await Promise.all(
        clients.map(async (c, i) => {
          await c.query('begin');
          await c.query(`select set_config('request.jwt.claims', $1, true)`, [
            JSON.stringify({ sub: member(i + 1), role: 'authenticated' }),
          ]);
          await c.query('set local role authenticated');
        }),
      );
      return Promise.all(
        clients.map(async (c, i): Promise<Outcome> => {
          try {
            await attempts[i]?.(c);
            await c.query('commit');
            return { won: true };
          } catch (e) {
            await c.query('rollback');
            return isPgError(e)
              ? { won: false, code: e.code, hint: e.hint, detail: e.detail }
              : { won: false, code: String(e) };
          } finally {
            c.release();
          }
        }),
      );
    }

    function expectOneWinner(outcomes: Outcome[]): void {
      expect(outcomes.filter((o) => o.won)).toHaveLength(1);
      for (const lost of outcomes.filter((o) => !o.won)) {
        expect({ code: lost.code, hint: lost.hint }).toEqual({ code: '23P01', hint: 'slot_taken' });
        const dates = (JSON.parse(lost.detail ?? 'null') as { date: string }[]).map((d) => d.date);
        expect(dates.length).toBeGreaterThan(0);
        for (const d of dates) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }

    const oneTime =
      (coachId: string, date: string, minutes: number, duration = 60): Attempt =>
      (c) =>
        c.query('select public.book_slot($1, $2, $3, $4)', [
          ORG,
          coachId,
          at(date, minutes),
          duration,
        ]);
    const series =
      (coachId: string, start: string, minutes: number, everyWeeks: 1 | 2): Attempt =>
      (c) =>
        c.query(
          `select public.create_recurring_booking($1, $2, $3, $4::time, $5::date, p_every_weeks => $6)`,
          [
            ORG,
            coachId,
            weekdayOf(start),
            `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
            start,
            everyWeeks,
          ],
        );

    async function liveCommitments(coachId: string): Promise<{ series: number; oneTime: number }> {
      const r = await db.query<{ series: number; one_time: number }>(
        `select (select count(*)::int from public.recurring_bookings
                  where coach_id = $1 and status = 'active') as series,
                (select count(*)::int from public.training_sessions
                  where coach_id = $1 and origin = 'one_time_booking' and status <> 'cancelled') as one_time`,
        [coachId],
      );
      return { series: r.rows[0]?.series ?? -1, oneTime: r.rows[0]?.one_time ?? -1 };
    }

    it('one-time against one-time at the same minute', async () => {
      const date = addDays(today, 2);
      expectOneWinner(
        await race(Array.from({ length: ATTEMPTS }, () => oneTime(coach(1), date, 600))),
      );
      expect(await liveCommitments(coach(1))).toEqual({ series: 0, oneTime: 1 });
    });

    it('overlapping but unequal slots', async () => {
      const date = addDays(today, 3);
      // every slot starts by 10:28 and runs at least 45 minutes: each pair overlaps
      const attempts = Array.from({ length: ATTEMPTS }, (_, i) =>
        oneTime(coach(2), date, 600 + (i % 8) * 4, 45 + (i % 4) * 15),
      );
      expectOneWinner(await race(attempts));
      expect(await liveCommitments(coach(2))).toEqual({ series: 0, oneTime: 1 });
    });

    it('weekly series against one-time bookings of its ninth date', async () => {
      const start = addDays(today, 3);
      const ninth = addDays(start, 56);
      const attempts = Array.from({ length: ATTEMPTS }, (_, i) =>
        i % 2 === 0 ? series(coach(3), start, 18 * 60, 1) : oneTime(coach(3), ninth, 18 * 60 + 15),
      );
      expectOneWinner(await race(attempts));
      const live = await liveCommitments(coach(3));
      expect(live.series + live.oneTime).toBe(1);
    });

    it('weekly against bi-weekly', async () => {
      const start = addDays(today, 4);
      const attempts = Array.from({ length: ATTEMPTS }, (_, i) =>
        series(coach(4), start, 17 * 60, i % 2 === 0 ? 1 : 2),
      );
      expectOneWinner(await race(attempts));
      expect(await liveCommitments(coach(4))).toEqual({ series: 1, oneTime: 0 });
    });

    // later starts keep the bi-weekly parity, so every pair of series shares a date
    it('series that start beyond the generated six weeks', async () => {
      const start = addDays(today, 45);
      const attempts = Array.from({ length: ATTEMPTS }, (_, i) =>
        series(coach(5), addDays(start, (i % 3) * 14), 18 * 60, i % 2 === 0 ? 1 : 2),
      );
      expectOneWinner(await race(attempts));
      expect(await liveCommitments(coach(5))).toEqual({ series: 1, oneTime: 0 });
    });

    it('a booking moved onto a time others are booking at once', async () => {
      const date = addDays(today, 5);
      // member 1 holds 08:00, then moves it to 12:00 while the others book 12:00
      const [held] = await race([oneTime(coach(7), date, 8 * 60)]);
      expect(held?.won).toBe(true);
      const booked = await db.query<{ id: string }>(
        'select id from public.bookings where coach_id = $1 and member_id = $2',
        [coach(7), member(1)],
      );
      const bookingId = booked.rows[0]?.id ?? '';
      const attempts = Array.from({ length: ATTEMPTS }, (_, i): Attempt =>
        i === 0
          ? (c) =>
              c.query('select public.reschedule_booking($1, $2)', [bookingId, at(date, 12 * 60)])
          : oneTime(coach(7), date, 12 * 60),
      );
      const outcomes = await race(attempts);
      expectOneWinner(outcomes);
      const sessions = await db.query<{ starts_at: Date }>(
        `select starts_at from public.training_sessions
          where coach_id = $1 and status <> 'cancelled' order by starts_at`,
        [coach(7)],
      );
      const starts = sessions.rows.map((r) => r.starts_at.toISOString());
      // the move either won (08:00 let go) or left the booking where it was
      expect(starts).toEqual(
        outcomes[0]?.won ? [at(date, 12 * 60)] : [at(date, 8 * 60), at(date, 12 * 60)],
      );
      const ledger = await db.query<{ n: number }>(
        'select count(*)::int as n from private.commitments where coach_id = $1',
        [coach(7)],
      );
      expect(ledger.rows[0]?.n).toBe(starts.length);
    });

    it('a later one-time booking on an open-ended series ninth date is refused, and busy times show it', async () => {
      const start = addDays(today, 3);
      const ninth = addDays(start, 56);
      const [first] = await race([series(coach(6), start, 18 * 60, 1)]);
      expect(first?.won).toBe(true);
      const [later] = await race([oneTime(coach(6), ninth, 18 * 60)]);
      expect(later).toMatchObject({ won: false, code: '23P01', hint: 'slot_taken' });
      expect(JSON.parse(later?.detail ?? '[]')).toEqual([
        expect.objectContaining({ date: ninth, problem: 'taken' }),
      ]);
      const busy = await db.transaction(async (tx) => {
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: member(2), role: 'authenticated' }),
        ]);
        await tx.exec('set local role authenticated');
        return tx.query<{ starts_at: Date }>(
          'select starts_at from public.coach_busy_times($1, $2, $3)',
          [coach(6), at(addDays(ninth, -1), 0), at(addDays(ninth, 1), 0)],
        );
      });
      expect(busy.rows.map((r) => r.starts_at.toISOString())).toEqual([at(ninth, 18 * 60)]);
    });
  },
);
