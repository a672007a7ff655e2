// A booking loser through the API (issue 12 §1): PostgREST answers 23P01 with
// HTTP 400, so the booking RPCs raise their refusal the way PostgREST documents
// for a chosen status — the app reads HTTP 409, code 23P01, hint slot_taken and
// the clashing dates, for a one-time slot and for a series, never a 5xx.
import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, epochDay, toInstant } from '../../src/domain/zoned-time.ts';
import { type Harness, startGateway } from './gateway-harness.ts';

const ORG = '5c500000-0000-4000-a000-000000000001';
const ZONE = 'Europe/Berlin';
let h: Harness;
let coachId = '';
let today = '';
const members: SupabaseClient[] = [];

async function signUp(email: string): Promise<{ client: SupabaseClient; id: string }> {
  const client = h.client();
  const { data, error } = await client.auth.signUp({ email, password: 'a-long-password-1' });
  if (error || !data.user) throw error ?? new Error('no user');
  return { client, id: data.user.id };
}

beforeAll(async () => {
  h = await startGateway();
  const coach = await signUp('coach@conflict.test');
  coachId = coach.id;
  const signed = await Promise.all([1, 2, 3, 4].map((i) => signUp(`m${i}@conflict.test`)));
  members.push(...signed.map((s) => s.client));
  await h.db.query(
    `insert into public.organizations (id, name, slug) values ($1, 'Conflicts', 'conflicts')`,
    [ORG],
  );
  await h.db.query(
    `insert into public.memberships (org_id, user_id, role)
     select $1, u, case when u = $2 then 'coach' else 'member' end from unnest($3::uuid[]) u`,
    [ORG, coachId, [coachId, ...signed.map((s) => s.id)]],
  );
  await h.db.query(
    `insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes, booking_horizon_days)
     values ($1, $2, $3, 0, 90)`,
    [ORG, coachId, ZONE],
  );
  await h.db.query(
    `insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
     select $1, $2, d, '06:00', '22:00' from generate_series(0, 6) d`,
    [ORG, coachId],
  );
  const r = await h.db.query<{ today: string }>(
    `select ((now() at time zone '${ZONE}')::date)::text as today`,
  );
  today = r.rows[0]?.today ?? '';
});

afterAll(async () => {
  await h?.close();
});

const slot = (date: string, minutes: number) => ({
  p_org_id: ORG,
  p_coach_id: coachId,
  p_starts_at: new Date(toInstant(ZONE, date, minutes)).toISOString(),
});

describe('a booking loser through the API', () => {
  it('of simultaneous one-time bookings, one wins and the rest read 409 slot_taken', async () => {
    const date = addDays(today, 2);
    const results = await Promise.all(members.map((m) => m.rpc('book_slot', slot(date, 600))));
    expect(results.filter((r) => r.error === null)).toHaveLength(1);
    for (const lost of results.filter((r) => r.error !== null)) {
      expect(lost.status).toBe(409);
      expect(lost.error).toMatchObject({ code: '23P01', hint: 'slot_taken' });
      expect(JSON.parse(lost.error?.details ?? '[]')).toEqual([
        expect.objectContaining({ date, problem: 'taken' }),
      ]);
    }
  });

  it('a series over a held date reads 409 with every clashing date', async () => {
    const date = addDays(today, 5);
    const nine = addDays(date, 56);
    const taken = await members[0]?.rpc('book_slot', slot(nine, 18 * 60));
    expect(taken?.error).toBeNull();
    const series = await members[1]?.rpc('create_recurring_booking', {
      p_org_id: ORG,
      p_coach_id: coachId,
      p_weekday: (epochDay(date) + 4) % 7,
      p_start_time: '18:00',
      p_start_date: date,
    });
    expect(series?.status).toBe(409);
    expect(series?.error).toMatchObject({ code: '23P01', hint: 'slot_taken' });
    expect(JSON.parse(series?.error?.details ?? '[]')).toEqual([
      expect.objectContaining({ date: nine, problem: 'taken' }),
    ]);
  });
});
