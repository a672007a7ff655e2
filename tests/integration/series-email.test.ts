// A recurring booking's emails in the local stack, over HTTP with the real
// supabase-js client (issue 13): an athlete books every week through
// /rest/v1/rpc, the request's commit queues one email to each side, the local
// email-dispatch sends them into the local mailbox — each listing every date the
// series holds, in the recipient's language and the coach's zone — a replay sends
// nothing, and ending the series sends the coach one email, not one per session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeContext } from '../../supabase/functions/_shared/edge-handler.ts';
import emailLocal from '../../supabase/local/functions/email-dispatch.ts';
import { addDays, weekday } from '../../src/domain/zoned-time.ts';
import { type Harness, startGateway } from './gateway-harness.ts';

const ORG = '5c930000-0000-4000-a000-000000000001';
const SERIES = '5c930000-0000-4000-e000-000000000001';
const ZONE = 'Europe/Moscow';
let h: Harness;
let coach = { id: '', token: '' };
let athlete = { id: '', token: '' };
let today = '';

async function signUp(email: string): Promise<{ id: string; token: string }> {
  const { data, error } = await h.client().auth.signUp({ email, password: 'a-long-password-1' });
  if (error || !data.user || !data.session) throw error ?? new Error('no session');
  return { id: data.user.id, token: data.session.access_token };
}

const as = (user: { token: string }) =>
  h.client(h.anonKey, { authorization: `Bearer ${user.token}` });

interface Message {
  to: string;
  subject: string;
  text: string;
}

async function dispatch(): Promise<Record<string, number>> {
  const res = await fetch(`${h.url}/functions/v1/email-dispatch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey },
  });
  return (await res.json()) as Record<string, number>;
}

/** a person's own mail in the local mailbox, newest first */
async function mailboxOf(user: { token: string }): Promise<Message[]> {
  const res = await fetch(`${h.url}/functions/v1/email-dispatch/local/mailbox`, {
    headers: { authorization: `Bearer ${user.token}`, apikey: h.anonKey },
  });
  return ((await res.json()) as { messages: Message[] }).messages;
}

beforeAll(async () => {
  const registration: EdgeContext = { env: () => undefined };
  h = await startGateway({ functions: { 'email-dispatch': await emailLocal(registration) } });
  coach = await signUp('coach@series-mail.test');
  athlete = await signUp('athlete@series-mail.test');
  await h.db.query(
    `insert into public.organizations (id, name, slug) values ($1, 'Series Club', 'series-mail')`,
    [ORG],
  );
  await h.db.query(
    `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'coach'), ($1, $3, 'athlete')`,
    [ORG, coach.id, athlete.id],
  );
  // the coach reads English, the athlete Russian (each person's profile)
  await h.db.query(
    `update public.profiles set display_name = 'Olga', locale = 'en' where id = $1`,
    [coach.id],
  );
  await h.db.query(`update public.profiles set display_name = 'Иван' where id = $1`, [athlete.id]);
  await h.db.query(
    `insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes, booking_horizon_days)
     values ($1, $2, $3, 0, 90)`,
    [ORG, coach.id, ZONE],
  );
  await h.db.query(
    `insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
     select $1, $2, d, '08:00', '21:00' from generate_series(0, 6) d`,
    [ORG, coach.id],
  );
  const r = await h.db.query<{ today: string }>(
    `select ((now() at time zone '${ZONE}')::date)::text as today`,
  );
  today = r.rows[0]?.today ?? '';
});

afterAll(async () => {
  await h?.close();
});

/** a local date as the emails write it, e.g. «пт, 11 декабря 2026 г.» */
const day = (locale: string, date: string) =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

describe('a recurring booking’s emails', () => {
  const start = () => addDays(today, 3);
  const book = () =>
    as(athlete).rpc('create_recurring_booking', {
      p_org_id: ORG,
      p_coach_id: coach.id,
      p_weekday: weekday(start()),
      p_start_time: '18:00',
      p_start_date: start(),
      p_end_date: addDays(start(), 35),
      p_id: SERIES,
    });

  it('reach the athlete and the coach once each, listing every date', async () => {
    const booked = await book();
    expect(booked.error).toBeNull();
    expect(await dispatch()).toMatchObject({ claimed: 2, sent: 2, failed: 0 });
    const dates = [0, 7, 14, 21, 28, 35].map((n) => addDays(start(), n));

    const [mine, ...moreMine] = await mailboxOf(athlete);
    expect(moreMine).toEqual([]);
    expect(mine?.subject).toBe('Регулярная запись подтверждена');
    expect(mine?.text).toContain('каждую неделю, по');
    expect(mine?.text).toContain(`(часовой пояс ${ZONE}), Series Club`);
    expect(mine?.text).toContain('Тренер: Olga.');
    expect(mine?.text).toContain('Даты (6):');
    for (const date of dates) expect(mine?.text).toContain(`• ${day('ru-RU', date)}, 18:00`);

    const [theirs, ...moreTheirs] = await mailboxOf(coach);
    expect(moreTheirs).toEqual([]);
    expect(theirs?.subject).toBe('New recurring booking');
    expect(theirs?.text).toContain('Иван booked sessions every week, on');
    expect(theirs?.text).toContain('Dates (6):');
    for (const date of dates) expect(theirs?.text).toContain(`• ${day('en-GB', date)}, 18:00`);
  });

  it('a replay of the booking sends nothing', async () => {
    const again = await book();
    expect(again.error).toBeNull();
    expect(again.data).toMatchObject({ id: SERIES, replayed: true });
    expect(await dispatch()).toMatchObject({ claimed: 0 });
  });

  it('ending the series tells the coach once, not once per session', async () => {
    const ended = await as(athlete).rpc('cancel_recurring_booking', { p_id: SERIES });
    expect(ended.error).toBeNull();
    expect((ended.data as { sessions_cancelled: number }).sessions_cancelled).toBe(6);
    expect(await dispatch()).toMatchObject({ claimed: 1, sent: 1 });
    const [latest, ...earlier] = await mailboxOf(coach);
    expect(earlier).toHaveLength(1);
    expect(latest?.subject).toBe('Recurring booking cancelled');
    expect(latest?.text).toContain('was cancelled by the athlete, Иван');
    expect(latest?.text).not.toContain('Still on');
    expect(await mailboxOf(athlete)).toHaveLength(1);

    await as(athlete).rpc('cancel_recurring_booking', { p_id: SERIES });
    expect(await dispatch()).toMatchObject({ claimed: 0 });
  });
});
