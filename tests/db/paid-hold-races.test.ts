// A paid booking's hold takes its slot through the same ledger as every other
// booking, under real concurrency (issue 14): holds racing holds, holds racing
// book_slot, and a late payment re-booking a released slot while a member books
// it. Exactly one wins; a loser gets 23P01 slot_taken (never a deadlock), and a
// late payment that loses is refunded instead of confirmed.
// PGlite runs one statement at a time, so these rounds need DATABASE_URL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { isPgError } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

const ORG = '5c140000-0000-4000-a000-000000000001';
const COACH = '5c140000-0000-4000-b000-000000000001';
const TYPE = '5c140000-0000-4000-8000-0000000000f1';
const member = (i: number) => `5c140000-0000-4000-c000-${String(i).padStart(12, '0')}`;
const ATTEMPTS = 30;

type Attempt = (c: pg.PoolClient) => Promise<unknown>;
interface Outcome {
  won: boolean;
  code?: string;
  hint?: string;
  result?: unknown;
}

describe.skipIf(!process.env.DATABASE_URL)(
  'paid holds race on PostgreSQL (needs DATABASE_URL: PGlite cannot race)',
  () => {
    let db: Database;
    let pool: pg.Pool;

    beforeAll(async () => {
      db = await createTestDatabase();
      pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: ATTEMPTS });
      const members = Array.from({ length: ATTEMPTS }, (_, i) => member(i + 1));
      await db.exec(`
        insert into auth.users (id, email) values ('${COACH}', 'hold-coach@test.local');
        insert into auth.users (id, email)
          select u, 'hold-' || u || '@test.local' from unnest(array['${members.join("','")}']::uuid[]) u;
        insert into public.organizations (id, name, slug) values ('${ORG}', 'Hold races', 'hold-races');
        insert into public.memberships (org_id, user_id, role) values ('${ORG}', '${COACH}', 'coach');
        insert into public.memberships (org_id, user_id, role)
          select '${ORG}', u, 'member' from unnest(array['${members.join("','")}']::uuid[]) u;
        insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes,
          buffer_after_minutes, booking_horizon_days)
          values ('${ORG}', '${COACH}', 'UTC', 0, 10, 60);
        insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
          select '${ORG}', '${COACH}', d, '06:00', '22:00' from generate_series(0, 6) d;
        insert into public.coach_pages (org_id, coach_id, slug, published, display_name)
          values ('${ORG}', '${COACH}', 'hold-races', true, 'Hold Races');
        insert into public.session_types (id, org_id, coach_id, name, duration_minutes, price_minor, currency)
          values ('${TYPE}', '${ORG}', '${COACH}', 'Paid hour', 60, 250000, 'RUB');
      `);
    });

    afterAll(async () => {
      await pool?.end();
      await db?.close();
    });

    async function at(days: number, hour: number, minute = 0): Promise<string> {
      const r = await db.query<{ at: Date }>(
        `select date_trunc('day', now()) + make_interval(days => $1, hours => $2, mins => $3) as at`,
        [days, hour, minute],
      );
      return new Date(r.rows[0]?.at ?? 0).toISOString();
    }

    /** every attempt in its own open transaction as `role`, then all at once */
    async function race(
      attempts: { role: 'service_role' | 'authenticated'; sub?: string; run: Attempt }[],
    ) {
      const clients = await Promise.all(attempts.map(() => pool.connect()));
      await Promise.all(
        clients.map(async (c, i) => {
          const a = attempts[i];
          await c.query('begin');
          await c.query(`select set_config('request.jwt.claims', $1, true)`, [
            JSON.stringify({ sub: a?.sub, role: a?.role }),
          ]);
          await c.query(`select set_config('role', $1, true)`, [a?.role]);
        }),
      );
      return Promise.all(
        clients.map(async (c, i): Promise<Outcome> => {
          try {
            const result = await attempts[i]?.run(c);
            await c.query('commit');
            return { won: true, result };
          } catch (e) {
            await c.query('rollback');
            return isPgError(e)
              ? { won: false, code: e.code, hint: e.hint }
              : { won: false, code: String(e) };
          } finally {
            c.release();
          }
        }),
      );
    }

    const guestHold =
      (startsAt: string, i: number): Attempt =>
      (c) =>
        c.query(
          `select public.hold_paid_booking($1, $2, p_guest_name => $3, p_guest_email => $4) as r`,
          [TYPE, startsAt, `Guest ${i}`, `guest-${i}@race.test`],
        );
    const bookSlot =
      (startsAt: string): Attempt =>
      (c) =>
        c.query('select public.book_slot($1, $2, $3, 60)', [ORG, COACH, startsAt]);

    function expectOneWinner(outcomes: Outcome[]): void {
      expect(outcomes.filter((o) => o.won)).toHaveLength(1);
      for (const lost of outcomes.filter((o) => !o.won)) {
        expect({ code: lost.code, hint: lost.hint }).toEqual({ code: '23P01', hint: 'slot_taken' });
      }
    }

    const liveSessions = async (startsAt: string) => {
      const r = await db.query<{ n: number }>(
        `select count(*)::int as n from public.training_sessions
          where coach_id = $1 and status <> 'cancelled' and starts_at < $2::timestamptz + interval '70 minutes'
            and ends_at > $2::timestamptz - interval '10 minutes'`,
        [COACH, startsAt],
      );
      return r.rows[0]?.n ?? -1;
    };

    it('two concurrent holds for one slot: one wins', async () => {
      const slot = await at(2, 10);
      expectOneWinner(
        await race([
          { role: 'service_role', run: guestHold(slot, 1) },
          { role: 'service_role', run: guestHold(slot, 2) },
        ]),
      );
      expect(await liveSessions(slot)).toBe(1);
    });

    it('many holds and member bookings on overlapping time: one wins', async () => {
      const slot = await at(3, 12);
      const attempts = await Promise.all(
        Array.from({ length: ATTEMPTS }, async (_, i) =>
          i % 2 === 0
            ? { role: 'service_role' as const, run: guestHold(await at(3, 12, (i % 5) * 5), i) }
            : {
                role: 'authenticated' as const,
                sub: member(i + 1),
                run: bookSlot(await at(3, 11, 30 + (i % 4) * 10)),
              },
        ),
      );
      expectOneWinner(await race(attempts));
      expect(await liveSessions(slot)).toBe(1);
    });

    it('a late payment re-booking its released slot races a member booking it: never both', async () => {
      const slot = await at(4, 15);
      const held = await db.query<{ r: { bookingId: string } }>(
        `select public.hold_paid_booking($1, $2, p_guest_name => 'Late', p_guest_email => 'late@race.test') as r`,
        [TYPE, slot],
      );
      const booking = held.rows[0]?.r.bookingId ?? '';
      await db.query(`select private.release_expired_holds(now() + interval '11 minutes')`);
      const outcomes = await race([
        {
          role: 'service_role',
          run: (c) =>
            c.query(`select public.stripe_apply_event($1::jsonb) as r`, [
              JSON.stringify({
                id: 'evt_race_late',
                type: 'checkout.session.completed',
                created: Math.floor(Date.now() / 1000),
                bookingId: booking,
                sessionId: 'cs_race_late',
                paymentIntentId: 'pi_race_late',
                amountTotal: 250000,
                currency: 'rub',
                paymentStatus: 'paid',
              }),
            ]),
        },
        { role: 'authenticated', sub: member(1), run: bookSlot(slot) },
      ]);
      // the event always applies: it either confirms or refunds
      expect(outcomes[0]?.won).toBe(true);
      const r = await db.query<{ booking: string; payment: string }>(
        `select b.status as booking, p.status as payment from public.bookings b
           join private.booking_payments p on p.booking_id = b.id where b.id = $1`,
        [booking],
      );
      const state = r.rows[0];
      if (outcomes[1]?.won) {
        expect(state).toEqual({ booking: 'expired', payment: 'refunded' });
      } else {
        expect({ code: outcomes[1]?.code, hint: outcomes[1]?.hint }).toEqual({
          code: '23P01',
          hint: 'slot_taken',
        });
        expect(state).toEqual({ booking: 'confirmed', payment: 'paid' });
      }
      expect(await liveSessions(slot)).toBe(1);
    });
  },
);
