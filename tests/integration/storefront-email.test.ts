// A guest's booking emails in the local stack (issue 14): a booking written as the
// guest booking does (a one-to-one session without a member, a booking with the
// guest's name, the guest's contact in private.booking_guests) is mailed by the
// local email-dispatch into the local mailbox — the guest's confirmation in their
// language with a manage link whose token is one of that booking's stored hashes and
// an .ics whose UID is the booking's, the coach's notice with the guest's name and a
// calendar link. Moving it sends the same event's next version; cancelling sends
// METHOD:CANCEL. Two seats of one group class never see each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeContext } from '../../supabase/functions/_shared/edge-handler.ts';
import type { MailboxEntry } from '../../supabase/local/stand-ins/memory-mailbox.ts';
import emailLocal from '../../supabase/local/functions/email-dispatch.ts';
import { type Harness, startGateway } from './gateway-harness.ts';

const SITE = 'http://app.storefront-mail.test';
const ORG = '17500000-0000-4000-a000-0000000000b1';
const SESSION = '17500000-0000-4000-e100-0000000000b1';
const BOOKING = '17500000-0000-4000-e200-0000000000b1';
const GROUP = '17500000-0000-4000-e100-0000000000b2';
const SEAT_A = '17500000-0000-4000-e200-0000000000b2';
const SEAT_B = '17500000-0000-4000-e200-0000000000b3';
const GUEST = 'gina@guest-mail.test';
let h: Harness;
let coach = { id: '', email: 'coach@storefront-mail.test' };
let member = { id: '', email: 'boris@storefront-mail.test' };

async function signUp(email: string): Promise<{ id: string; email: string }> {
  const { data, error } = await h.client().auth.signUp({ email, password: 'a-long-password-1' });
  if (error || !data.user) throw error ?? new Error('no user');
  return { id: data.user.id, email };
}

async function dispatch(): Promise<Record<string, number>> {
  const res = await fetch(`${h.url}/functions/v1/email-dispatch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey },
  });
  return (await res.json()) as Record<string, number>;
}

/** the whole local mailbox (the operator's view), newest first */
async function mailbox(): Promise<MailboxEntry[]> {
  const res = await fetch(`${h.url}/functions/v1/email-dispatch/local/mailbox`, {
    headers: { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey },
  });
  return ((await res.json()) as { messages: MailboxEntry[] }).messages;
}

const latestTo = async (to: string) => (await mailbox()).find((m) => m.to === to);
/** everything a recipient could read in a message: text, html and attachments */
const everything = (m: MailboxEntry | undefined) =>
  [m?.subject, m?.text, m?.html, ...(m?.attachments ?? []).map((a) => a.content)].join('\n');

beforeAll(async () => {
  const registration: EdgeContext = { env: () => undefined };
  h = await startGateway({
    functions: { 'email-dispatch': await emailLocal(registration) },
    functionEnv: { SITE_URL: SITE },
  });
  coach = await signUp(coach.email);
  member = await signUp(member.email);
  await h.db.query(
    `insert into public.organizations (id, name, slug) values ($1, 'Storefront Club', 'storefront-mail')`,
    [ORG],
  );
  await h.db.query(
    `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'coach'), ($1, $3, 'member')`,
    [ORG, coach.id, member.id],
  );
  await h.db.query(`update public.profiles set display_name = 'Olga' where id = $1`, [coach.id]);
  await h.db.query(`update public.profiles set display_name = 'Boris Member' where id = $1`, [
    member.id,
  ]);
  await h.db.query(
    `insert into public.coach_pages (org_id, coach_id, slug, published, display_name, place)
     values ($1, $2, 'olga-mail', true, 'Olga', 'Stadium North')`,
    [ORG, coach.id],
  );
});

afterAll(async () => {
  await h?.close();
});

describe('a guest’s booking emails', () => {
  it('the guest gets a confirmation with a manage link and the event; the coach a notice', async () => {
    await h.db.query(
      `insert into public.training_sessions (id, org_id, coach_id, kind, origin, local_date, time_zone, starts_at, ends_at)
       values ($1, $2, $3, 'one_to_one', 'one_time_booking', (now() + interval '5 days')::date, 'Europe/Moscow',
               date_trunc('hour', now()) + interval '5 days', date_trunc('hour', now()) + interval '5 days 1 hour')`,
      [SESSION, ORG, coach.id],
    );
    await h.db.query(
      `insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name)
       values ($1, $2, $3, $4, null, 'Gina Guest')`,
      [BOOKING, ORG, SESSION, coach.id],
    );
    await h.db.query(
      `insert into private.booking_guests (booking_id, email, time_zone, locale) values ($1, $2, 'Europe/London', 'en')`,
      [BOOKING, GUEST],
    );
    expect(await dispatch()).toMatchObject({ claimed: 2, sent: 2, failed: 0 });

    const mine = await latestTo(GUEST);
    expect(mine?.subject).toBe('Your booking is confirmed');
    const link = new RegExp(`${SITE}/booking/${BOOKING}\\?t=([A-Za-z0-9_-]{22})`).exec(
      mine?.text ?? '',
    );
    expect(link).not.toBeNull();
    const token = link?.[1] ?? '';
    const stored = await h.db.query<{ booking_id: string }>(
      `select booking_id from private.booking_links where token_hash = sha256(convert_to($1, 'UTF8'))`,
      [token],
    );
    expect(stored.rows).toEqual([{ booking_id: BOOKING }]);
    // only the hash is kept: the token itself is nowhere in the database's mail
    const clear = await h.db.query(
      `select 1 from private.email_outbox where payload::text like '%' || $1 || '%'`,
      [token],
    );
    expect(clear.rows).toEqual([]);
    expect(mine?.html).toContain(`href="${SITE}/booking/${BOOKING}?t=${token}"`);
    const ics = mine?.attachments?.[0];
    expect(ics?.content).toContain(`UID:booking-${BOOKING}@trackside`);
    expect(ics?.content).toContain('METHOD:REQUEST');
    expect(ics?.content).toContain('SEQUENCE:0');
    expect(ics?.content).toContain('LOCATION:Stadium North');
    expect(everything(mine)).not.toContain(coach.email);

    const theirs = await latestTo(coach.email);
    expect(theirs?.subject).toBe('Новая запись на тренировку');
    expect(theirs?.text).toContain('Gina Guest');
    expect(theirs?.text).toContain(`${SITE}/calendar/session/${SESSION}`);
    expect(everything(theirs)).not.toContain(GUEST);
    expect(everything(theirs)).not.toContain(token);
    expect(await dispatch()).toMatchObject({ claimed: 0 });
  });

  it('a move sends the same event’s next version to both sides', async () => {
    // as the manage page does it: through the service role, no signed-in caller
    await h.db.query(
      `update public.training_sessions set starts_at = starts_at + interval '1 day',
         ends_at = ends_at + interval '1 day', local_date = local_date + 1 where id = $1`,
      [SESSION],
    );
    expect(await dispatch()).toMatchObject({ claimed: 2, sent: 2 });
    const mine = await latestTo(GUEST);
    expect(mine?.subject).toBe('Booking moved');
    expect(mine?.text).toMatch(/Was: .*\nNow: /);
    expect(mine?.attachments?.[0]?.content).toContain(`UID:booking-${BOOKING}@trackside`);
    expect(mine?.attachments?.[0]?.content).toContain('SEQUENCE:1');
    expect((await latestTo(coach.email))?.subject).toBe('Запись перенесена');
  });

  it('a cancellation removes the event and tells the coach who cancelled', async () => {
    await h.db.query(
      `update public.bookings set status = 'cancelled_by_member', cancelled_at = now() where id = $1`,
      [BOOKING],
    );
    expect(await dispatch()).toMatchObject({ claimed: 2, sent: 2 });
    const ics = (await latestTo(GUEST))?.attachments?.[0]?.content ?? '';
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain(`UID:booking-${BOOKING}@trackside`);
    expect((await latestTo(coach.email))?.text).toContain('Gina Guest отменил(а) запись');
  });

  it('two seats of one group class never read each other’s name or address', async () => {
    await h.db.query(
      `insert into public.training_sessions (id, org_id, coach_id, kind, origin, local_date, time_zone, starts_at, ends_at, capacity)
       values ($1, $2, $3, 'group', 'one_time_booking', (now() + interval '9 days')::date, 'Europe/Moscow',
               date_trunc('hour', now()) + interval '9 days', date_trunc('hour', now()) + interval '9 days 1 hour', 8)`,
      [GROUP, ORG, coach.id],
    );
    await h.db.query(
      `insert into public.bookings (id, org_id, session_id, coach_id, member_id, guest_name)
       values ($1, $3, $4, $5, null, 'Alice Seat'), ($2, $3, $4, $5, $6, null)`,
      [SEAT_A, SEAT_B, ORG, GROUP, coach.id, member.id],
    );
    await h.db.query(
      `insert into private.booking_guests (booking_id, email) values ($1, 'alice@seat-mail.test')`,
      [SEAT_A],
    );
    expect(await dispatch()).toMatchObject({ sent: 4, failed: 0 });
    const a = everything(await latestTo('alice@seat-mail.test'));
    const b = everything(await latestTo(member.email));
    expect(a).toContain(`booking-${SEAT_A}@trackside`);
    expect(b).toContain(`booking-${SEAT_B}@trackside`);
    expect(b).toContain(`${SITE}/bookings`);
    for (const leak of ['Boris', member.email, SEAT_B]) expect(a).not.toContain(leak);
    for (const leak of ['Alice', 'alice@seat-mail.test', SEAT_A]) expect(b).not.toContain(leak);
  });
});
