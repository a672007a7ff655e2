// Paying for a booking through the local stack, over HTTP: a hold (the shared
// booking checkout a guest's function calls, and checkout's `book` action for a
// member) → the local test checkout → a signed event POSTed to the real
// /functions/v1/stripe-webhook → the booking. Holds are released by the sweep at an
// injected time (never by waiting), and /functions/v1/booking-holds expires their
// sessions at the local checkout as the scheduler does every minute.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BookingCheckout,
  startBookingCheckout,
} from '../../supabase/functions/_shared/booking-checkout.ts';
import type { EdgeContext } from '../../supabase/functions/_shared/edge-handler.ts';
import { postgrestRpc } from '../../supabase/functions/_shared/rpc.ts';
import bookingHoldsLocal from '../../supabase/local/functions/booking-holds.ts';
import checkoutLocal from '../../supabase/local/functions/checkout.ts';
import emailLocal from '../../supabase/local/functions/email-dispatch.ts';
import webhookLocal from '../../supabase/local/functions/stripe-webhook.ts';
import {
  type LocalStripe,
  sharedLocalStripe,
} from '../../supabase/local/stand-ins/local-stripe.ts';
import { type Harness, startGateway } from './gateway-harness.ts';
import { one } from './money-fixtures.ts';

const ORG = '1c140000-0000-4000-a000-000000000001';
const COACH = '1c140000-0000-4000-b000-000000000001';
const PAID_TYPE = '1c140000-0000-4000-8000-0000000000f1';

let h: Harness;
let stripe: LocalStripe;
let memberToken: string;
let memberId: string;
let rivalToken: string;

beforeAll(async () => {
  const registration: EdgeContext = { env: () => undefined };
  h = await startGateway({
    functions: {
      checkout: await checkoutLocal(registration),
      'stripe-webhook': await webhookLocal(registration),
      'booking-holds': await bookingHoldsLocal(registration),
      'email-dispatch': await emailLocal(registration),
    },
    functionsVerifyJwt: { 'stripe-webhook': false, checkout: false },
  });
  stripe = sharedLocalStripe((name) => (name === 'SUPABASE_URL' ? h.url : undefined));
  await h.db.exec(`
    insert into auth.users (id, email) values ('${COACH}', 'coach@paid.test');
    insert into public.organizations (id, name, slug) values ('${ORG}', 'Paid Club', 'paid-club');
    insert into public.memberships (org_id, user_id, role) values ('${ORG}', '${COACH}', 'coach');
    insert into public.coach_settings (org_id, coach_id, time_zone, minimum_notice_minutes, booking_horizon_days)
      values ('${ORG}', '${COACH}', 'UTC', 0, 60);
    insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
      select '${ORG}', '${COACH}', d, '06:00', '22:00' from generate_series(0, 6) d;
    insert into public.coach_pages (org_id, coach_id, slug, published, display_name)
      values ('${ORG}', '${COACH}', 'paid-coach', true, 'Paid Coach');
    insert into public.session_types (id, org_id, coach_id, name, duration_minutes, price_minor, currency)
      values ('${PAID_TYPE}', '${ORG}', '${COACH}', 'Private hour', 60, 250000, 'RUB');
  `);
  const signUp = async (email: string) => {
    const r = await h.client().auth.signUp({ email, password: 'a-long-password-1' });
    if (r.error || !r.data.session || !r.data.user) throw r.error ?? new Error('no session');
    await h.db.query(
      `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'member')`,
      [ORG, r.data.user.id],
    );
    return { token: r.data.session.access_token, id: r.data.user.id };
  };
  const member = await signUp('member@paid.test');
  memberToken = member.token;
  memberId = member.id;
  rivalToken = (await signUp('rival@paid.test')).token;
});

afterAll(async () => {
  await h?.close();
});

/** `days` ahead at `hour`:00 UTC, from the database's clock */
async function slot(days: number, hour: number): Promise<string> {
  const at = await one<Date>(
    h.db,
    `select date_trunc('day', now()) + make_interval(days => $1, hours => $2) as at`,
    [days, hour],
  );
  return new Date(at).toISOString();
}

/** what the guest's booking function does: hold and open the checkout */
function guestCheckout(email: string, startsAt: string): Promise<BookingCheckout> {
  return startBookingCheckout(
    {
      rpc: postgrestRpc(h.url, h.serviceKey),
      stripe,
      siteUrl: 'https://trackside.test',
      now: () => Date.now(),
    },
    {
      sessionTypeId: PAID_TYPE,
      startsAt,
      holder: { guest: { name: `Guest ${email}`, email, locale: 'en', timeZone: 'UTC' } },
    },
  );
}

async function memberBook(token: string, startsAt: string) {
  const res = await fetch(`${h.url}/functions/v1/checkout`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      apikey: h.anonKey,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ action: 'book', sessionTypeId: PAID_TYPE, startsAt }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** the payer presses Pay on the local checkout page */
function pay(url: string) {
  const session = new URL(url).searchParams.get('session');
  return fetch(`${h.url}/functions/v1/checkout/local/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session: String(session), outcome: 'paid' }),
    redirect: 'manual',
  });
}

/** the sweep at an injected time: `minutes` after now */
function sweepAfter(minutes: number) {
  return one<string[]>(
    h.db,
    `select private.release_expired_holds(now() + make_interval(mins => $1)) as r`,
    [minutes],
  );
}

/** what pg_net does after the sweep: booking-holds, with the service role key */
async function runBookingHolds() {
  const res = await fetch(`${h.url}/functions/v1/booking-holds`, {
    method: 'POST',
    headers: { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey },
  });
  return { status: res.status, body: (await res.json()) as Record<string, number> };
}

async function state(bookingId: string) {
  const r = await h.db.query<{
    booking: string;
    payment: string;
    session: string;
    refund: string | null;
  }>(
    `select b.status as booking, p.status as payment, t.status as session, p.stripe_refund_id as refund
       from public.bookings b join private.booking_payments p on p.booking_id = b.id
       join public.training_sessions t on t.id = b.session_id where b.id = $1`,
    [bookingId],
  );
  return r.rows[0];
}

/** the invariant of the whole issue: no paid session type is confirmed without its payment */
async function confirmedUnpaid(): Promise<number> {
  return one<number>(
    h.db,
    `select count(*)::int from public.bookings b join public.session_types st on st.id = b.session_type_id
      left join private.booking_payments p on p.booking_id = b.id
     where st.price_minor > 0 and b.status = 'confirmed' and p.status is distinct from 'paid'`,
  );
}

describe('paying for a booking', () => {
  it('hold → pay → confirmed, the payer sent back to the booking page', async () => {
    const hold = await guestCheckout('anna@guest.test', await slot(3, 10));
    expect(hold.amountMinor).toBe(250000);
    expect(hold.url.startsWith(`${h.url}/functions/v1/checkout/local/pay?session=cs_local_`)).toBe(
      true,
    );
    expect(await state(hold.bookingId)).toMatchObject({
      booking: 'pending_payment',
      payment: 'pending',
    });
    const session = stripe.sessions.get(hold.checkoutSessionId);
    expect(session?.expiresAt).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 30 * 60);

    const paid = await pay(hold.url);
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `https://trackside.test/booking/${hold.bookingId}?paid=1`,
    );
    expect(await state(hold.bookingId)).toMatchObject({
      booking: 'confirmed',
      payment: 'paid',
      session: 'scheduled',
    });
    expect(
      await one<number>(
        h.db,
        `select count(*)::int from private.email_outbox where booking_id = $1 or dedupe_key like '%' || $1`,
        [hold.bookingId],
      ),
    ).toBe(2);
  });

  it('hold → expire → the slot is back → the retry gets a new hold; the old page takes no money', async () => {
    const at = await slot(4, 10);
    const first = await guestCheckout('boris@guest.test', at);
    // another person cannot take the held slot
    await expect(guestCheckout('someone@guest.test', at)).rejects.toMatchObject({
      status: 409,
      code: 'slot_taken',
    });
    expect(await sweepAfter(9)).toEqual([]);
    expect(await sweepAfter(11)).toEqual([first.checkoutSessionId]);
    expect(await state(first.bookingId)).toMatchObject({
      booking: 'expired',
      payment: 'expired',
      session: 'cancelled',
    });
    const run = await runBookingHolds();
    expect(run).toEqual({
      status: 200,
      body: { expired: 1, expireFailed: 0, refunded: 0, refundFailed: 0 },
    });
    expect(stripe.sessions.get(first.checkoutSessionId)?.status).toBe('expired');

    const retry = await guestCheckout('boris@guest.test', at);
    expect(retry.bookingId).not.toBe(first.bookingId);
    expect(retry.replayed).toBe(false);
    expect((await pay(first.url)).status).toBe(410);
    expect((await pay(retry.url)).status).toBe(303);
    expect(await state(retry.bookingId)).toMatchObject({ booking: 'confirmed', payment: 'paid' });
  });

  it('a late payment for a slot taken meanwhile is refunded exactly once, and both sides are told', async () => {
    const at = await slot(5, 12);
    const hold = await guestCheckout('vera@guest.test', at);
    await sweepAfter(11);
    // before the scheduler told Stripe, a member takes the released slot
    const rival = await memberBook(rivalToken, at);
    expect(rival.status).toBe(200);
    expect((await pay(String(rival.body.url))).status).toBe(303);

    // the guest pays on the page that was still open
    const late = await pay(hold.url);
    expect(late.status).toBe(303);
    expect(stripe.refundsMade).toHaveLength(1);
    const refund = stripe.refundsMade[0];
    expect(refund).toMatchObject({
      paymentIntentId: stripe.sessions.get(hold.checkoutSessionId)?.paymentIntentId,
      idempotencyKey: `booking-refund-${hold.bookingId}`,
      amount: 250000,
    });
    expect(await state(hold.bookingId)).toMatchObject({
      booking: 'expired',
      payment: 'refunded',
      refund: refund?.id,
    });

    // duplicates and stragglers, in any order, refund nothing more
    const again = await stripe.redeliver(hold.checkoutSessionId, 'checkout.session.completed');
    expect(again.status).toBe(200);
    expect(await stripe.deliverAgain(again.event)).toBe(200);
    expect(
      (await stripe.redeliver(hold.checkoutSessionId, 'checkout.session.expired')).status,
    ).toBe(200);
    expect((await runBookingHolds()).body).toMatchObject({ refunded: 0, refundFailed: 0 });
    expect(stripe.refundsMade).toHaveLength(1);
    expect(await state(hold.bookingId)).toMatchObject({ booking: 'expired', payment: 'refunded' });

    const mails = await h.db.query<{ to: string; kind: string }>(
      `select coalesce(o.to_email, u.email) as to, o.kind from private.email_outbox o
         left join auth.users u on u.id = o.user_id
        where o.dedupe_key like 'booking_refunded:' || $1 || ':%' order by 1`,
      [hold.bookingId],
    );
    expect(mails.rows).toEqual([
      { to: 'coach@paid.test', kind: 'booking_refunded' },
      { to: 'vera@guest.test', kind: 'booking_refunded' },
    ]);

    // the guest's mail reaches the (local) mailbox in their language
    const sent = await fetch(`${h.url}/functions/v1/email-dispatch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey },
    });
    expect(sent.status).toBe(200);
    const box = await fetch(`${h.url}/functions/v1/email-dispatch/local/mailbox`, {
      headers: { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey },
    });
    const { messages } = (await box.json()) as {
      messages: { to: string; subject: string; text: string }[];
    };
    const guestMail = messages.find((m) => m.to === 'vera@guest.test');
    expect(guestMail?.subject).toBe('Payment refunded: the time was taken');
    expect(guestMail?.text).toContain('refunded to your card');
    expect(await confirmedUnpaid()).toBe(0);
  });

  it('a late payment for a slot still free confirms the booking', async () => {
    const hold = await guestCheckout('gleb@guest.test', await slot(6, 12));
    await sweepAfter(11);
    expect((await pay(hold.url)).status).toBe(303);
    expect(await state(hold.bookingId)).toMatchObject({
      booking: 'confirmed',
      payment: 'paid',
      session: 'scheduled',
    });
    expect(stripe.refundsMade).toHaveLength(1);
  });

  it('replays cal.com #22126 (abandon, book the same slot again): a payment or a 409, never a confirmed unpaid booking', async () => {
    const at = await slot(7, 9);
    const first = await memberBook(memberToken, at);
    expect(first.status).toBe(200);
    // abandoned, then booked again: the same checkout, not a free confirmation
    const again = await memberBook(memberToken, at);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      bookingId: first.body.bookingId,
      url: first.body.url,
      replayed: true,
    });
    expect(await confirmedUnpaid()).toBe(0);
    // someone else meanwhile: 409
    expect((await memberBook(rivalToken, at)).status).toBe(409);

    // abandoned past the hold: released, the session expired at the checkout
    await sweepAfter(11);
    await runBookingHolds();
    const third = await memberBook(memberToken, at);
    expect(third.status).toBe(200);
    expect(third.body.bookingId).not.toBe(first.body.bookingId);
    expect(await confirmedUnpaid()).toBe(0);
    expect((await pay(String(first.body.url))).status).toBe(410);
    expect((await pay(String(third.body.url))).status).toBe(303);
    const booked = await h.db.query<{ status: string; member_id: string }>(
      `select b.status, b.member_id from public.bookings b join public.training_sessions t on t.id = b.session_id
        where t.starts_at = $1 and b.coach_id = $2 order by b.created_at`,
      [at, COACH],
    );
    expect(booked.rows).toEqual([
      { status: 'expired', member_id: memberId },
      { status: 'confirmed', member_id: memberId },
    ]);
    expect(await confirmedUnpaid()).toBe(0);
  });

  it("Stripe's own expiry at expires_at (30 minutes) releases a hold the sweep missed", async () => {
    const hold = await guestCheckout('emil@guest.test', await slot(9, 10));
    // Stripe's clock, injected: past expires_at (30–35 minutes ahead)
    expect(await stripe.expireDue(Date.now() + 36 * 60_000)).toContain(hold.checkoutSessionId);
    expect(await state(hold.bookingId)).toMatchObject({
      booking: 'expired',
      payment: 'expired',
      session: 'cancelled',
    });
    // released by the event, nothing is queued for Stripe again
    expect((await runBookingHolds()).body).toMatchObject({ expired: 0, expireFailed: 0 });
  });

  it('applies duplicate and out-of-order events monotonically', async () => {
    const hold = await guestCheckout('dora@guest.test', await slot(8, 15));
    expect((await pay(hold.url)).status).toBe(303);
    const completed = await stripe.redeliver(hold.checkoutSessionId, 'checkout.session.completed');
    expect(completed.status).toBe(200);
    // an expiry arriving after the payment changes nothing
    expect(
      (await stripe.redeliver(hold.checkoutSessionId, 'checkout.session.expired')).status,
    ).toBe(200);
    expect(await sweepAfter(60)).toEqual([]);
    expect(await state(hold.bookingId)).toMatchObject({ booking: 'confirmed', payment: 'paid' });
    expect(
      await one<number>(
        h.db,
        `select count(*)::int from private.stripe_events where booking_id = $1`,
        [hold.bookingId],
      ),
    ).toBe(3);
  });
});
