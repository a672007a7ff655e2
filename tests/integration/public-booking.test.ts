// The public booking endpoint on the demo club (supabase/seed.sql): a guest books
// the demo coach's free trial by JSON or by a plain form; fifty bot submissions
// that fill the honeypot look successful and write nothing, send nothing; the
// per-IP and per-email limits answer 429 with Retry-After before anything is
// written; bad input is a 400 that touches nothing; the manage link cancels and
// moves its own booking only. Day-dependent facts (which times are open) come
// from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PublicBookingLimits,
  defaultLimits,
  handlePublicBooking,
} from '../../supabase/functions/public-booking/handler.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { sqlRpc } from '../../supabase/local/db/sql-rpc.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { LocalStripe } from '../../supabase/local/stand-ins/local-stripe.ts';
import { one } from './money-fixtures.ts';

const TRIAL = 'da000000-0000-4000-8000-000000000001';
const PAID = 'da000000-0000-4000-8000-000000000002';
const SITE = 'https://site.trackside.test';

let db: Database;
let slots: string[] = [];
let slotIndex = 0;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  const from = new Date();
  const to = new Date(from.getTime() + 28 * 86_400_000);
  const open = (await sqlRpc(db)('public_slots', {
    p_slug: 'volkov',
    p_session_type: TRIAL,
    p_from: from.toISOString(),
    p_to: to.toISOString(),
  })) as { slots: string[] };
  slots = open.slots;
  expect(slots.length).toBeGreaterThan(6);
}, 60_000);

afterAll(async () => {
  await db?.close();
});

/** the next open time nobody in this file has used yet */
function nextSlot(): string {
  const s = slots[slotIndex++];
  if (!s) throw new Error('ran out of open times');
  return new Date(s).toISOString();
}

/** an open time of the paid type, days ahead, that no test has used */
async function paidSlot(): Promise<string> {
  const from = new Date(Date.now() + 14 * 86_400_000);
  const open = (await sqlRpc(db)('public_slots', {
    p_slug: 'volkov',
    p_session_type: PAID,
    p_from: from.toISOString(),
    p_to: new Date(from.getTime() + 14 * 86_400_000).toISOString(),
  })) as { slots: string[] };
  const s = open.slots[paidIndex++];
  if (!s) throw new Error('no open time for the paid type');
  return new Date(s).toISOString();
}
let paidIndex = 0;

/** an open time days ahead, beyond the coach's cancellation window (from the end of the list) */
function lateSlot(): string {
  const s = slots.pop();
  if (!s || slots.length < slotIndex) throw new Error('ran out of open times');
  return new Date(s).toISOString();
}

function handler(limits: PublicBookingLimits = defaultLimits) {
  return (req: Request) => handlePublicBooking(req, { rpc: sqlRpc(db), siteUrl: SITE, limits });
}

function post(body: Record<string, unknown>, ip = '198.51.100.1', form = false): Request {
  return new Request('http://local/public-booking', {
    method: 'POST',
    headers: {
      'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      'x-forwarded-for': `${ip}, 10.0.0.1`,
    },
    body: form
      ? new URLSearchParams(body as Record<string, string>).toString()
      : JSON.stringify(body),
  });
}

function booking(start: string, email: string, extra: Record<string, unknown> = {}) {
  return {
    action: 'book',
    slug: 'volkov',
    sessionType: TRIAL,
    start,
    name: 'Гость Тестовый',
    email,
    timeZone: 'Asia/Yekaterinburg',
    locale: 'ru',
    website: '',
    ...extra,
  };
}

const counts = async () => ({
  bookings: await one<number>(db, 'select count(*)::int from public.bookings'),
  guests: await one<number>(db, 'select count(*)::int from private.booking_guests'),
  outbox: await one<number>(db, 'select count(*)::int from private.email_outbox'),
  sessions: await one<number>(db, 'select count(*)::int from public.training_sessions'),
});

describe('public-booking', () => {
  it('books the free trial by JSON: 201 with the manage link', async () => {
    const start = nextSlot();
    const res = await handler()(post(booking(start, 'anna@guest.test')));
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body.status).toBe('confirmed');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.manage_url).toBe(`${SITE}/booking/${body.booking_id}?t=${body.token}&lang=ru`);
    const row = await db.query<{ guest_name: string; member_id: string | null; email: string }>(
      `select b.guest_name, b.member_id, g.email from public.bookings b
         join private.booking_guests g on g.booking_id = b.id where b.id = $1`,
      [body.booking_id],
    );
    expect(row.rows).toEqual([
      { guest_name: 'Гость Тестовый', member_id: null, email: 'anna@guest.test' },
    ]);

    // the same person again for the same time: the same booking, a new link
    const again = await handler()(post(booking(start, 'Anna@Guest.test')));
    const replay = (await again.json()) as Record<string, string>;
    expect(again.status).toBe(201);
    expect(replay.booking_id).toBe(body.booking_id);
    expect(replay.token).not.toBe(body.token);

    // someone else for that time: taken
    const taken = await handler()(post(booking(start, 'boris@guest.test')));
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('slot_taken');
  });

  it('books by a plain form: 303 to the manage page; a taken time goes back to choosing', async () => {
    const start = nextSlot();
    const res = await handler()(
      post(booking(start, 'vera@guest.test', { phone: '' }), '198.51.100.2', true),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(
      new RegExp(`^${SITE}/booking/[0-9a-f-]{36}\\?t=[A-Za-z0-9_-]{22}&lang=ru$`),
    );
    const taken = await handler()(post(booking(start, 'gleb@guest.test'), '198.51.100.2', true));
    expect(taken.status).toBe(303);
    const back = new URL(taken.headers.get('location') ?? '');
    expect(back.pathname).toBe('/volkov/book');
    expect(back.searchParams.get('error')).toBe('slot_taken');
    expect(back.searchParams.get('type')).toBe(TRIAL);
  });

  it('without payments a paid type is refused (402 payment_required), and nothing is held', async () => {
    const before = await counts();
    const res = await handler()(
      post(booking(await paidSlot(), 'paid@guest.test', { sessionType: PAID }), '198.51.100.3'),
    );
    expect(res.status).toBe(402);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payment_required');
    expect(await counts()).toEqual(before);
  });

  it('a paid type holds the slot and sends the guest to checkout; asking again returns the same', async () => {
    const stripe = new LocalStripe({
      checkoutBaseUrl: () => 'http://stripe.local/checkout',
      webhookUrl: () => 'http://stripe.local/webhook',
      webhookSecret: 'whsec_test',
      fetch,
      now: () => Date.now(),
    });
    const paying = (req: Request) =>
      handlePublicBooking(req, { rpc: sqlRpc(db), siteUrl: SITE, stripe, now: () => Date.now() });
    const body = booking(await paidSlot(), 'payer@guest.test', { sessionType: PAID });
    const first = await paying(post(body, '198.51.100.4', true));
    expect(first.status).toBe(303);
    const url = first.headers.get('location') ?? '';
    expect(url).toMatch(/^http:\/\/stripe\.local\/checkout\//);
    const held = await db.query<{
      status: string;
      amount_minor: number;
      hold_until: string | null;
    }>(
      `select b.status, p.amount_minor, b.hold_until from public.bookings b
         join private.booking_payments p on p.booking_id = b.id
        where b.guest_name = 'Гость Тестовый' and b.session_type_id = $1`,
      [PAID],
    );
    expect(held.rows).toEqual([
      { status: 'pending_payment', amount_minor: 250000, hold_until: expect.anything() },
    ]);
    // a second press (or a back button) finds the hold, not a second one
    const again = await paying(post(body, '198.51.100.4', true));
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(url);
  });

  it('fifty bots filling the honeypot see success and create no booking and no email', async () => {
    const before = await counts();
    const start = nextSlot();
    for (let i = 0; i < 50; i += 1) {
      const form = i % 2 === 0;
      const res = await handler()(
        post(
          booking(start, `bot${i}@spam.test`, { website: 'https://spam.test' }),
          `203.0.113.${i + 1}`,
          form,
        ),
      );
      if (form) {
        expect(res.status).toBe(303);
        expect(res.headers.get('location')).toMatch(/\/booking\/[0-9a-f-]{36}\?t=/);
      } else {
        expect(res.status).toBe(201);
        expect(((await res.json()) as { status: string }).status).toBe('confirmed');
      }
    }
    expect(await counts()).toEqual(before);
    // the time they aimed at is still open
    const open = (await sqlRpc(db)('public_slots', {
      p_slug: 'volkov',
      p_session_type: TRIAL,
      p_from: start,
      p_to: new Date(Date.parse(start) + 3_600_000).toISOString(),
    })) as { slots: string[] };
    expect(open.slots.map((s) => Date.parse(s))).toContain(Date.parse(start));
  });

  it('answers 429 with Retry-After past the per-IP limit, before writing', async () => {
    const limited = handler({ ...defaultLimits, ip: { cap: 2, seconds: 600 } });
    const start = nextSlot();
    const first = await limited(post(booking(start, 'ip1@guest.test'), '192.0.2.10'));
    expect(first.status).toBe(201);
    const second = await limited(post(booking(nextSlot(), 'ip2@guest.test'), '192.0.2.10'));
    expect(second.status).toBe(201);
    const before = await counts();
    const third = await limited(post(booking(nextSlot(), 'ip3@guest.test'), '192.0.2.10'));
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(third.headers.get('retry-after'))).toBeLessThanOrEqual(600);
    expect(await counts()).toEqual(before);
    // another address is still let through
    const other = await limited(post(booking(nextSlot(), 'ip4@guest.test'), '192.0.2.11'));
    expect(other.status).toBe(201);
  });

  it('answers 429 with Retry-After past the per-email limit from any address', async () => {
    const limited = handler({ ...defaultLimits, email: { cap: 2, seconds: 600 } });
    const start = nextSlot();
    expect((await limited(post(booking(start, 'same@guest.test'), '192.0.2.20'))).status).toBe(201);
    expect((await limited(post(booking(start, 'same@guest.test'), '192.0.2.21'))).status).toBe(201);
    const before = await counts();
    const form = await limited(post(booking(nextSlot(), ' SAME@guest.test'), '192.0.2.22', true));
    expect(form.status).toBe(429);
    expect(Number(form.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await form.text()).toContain('Слишком много попыток');
    expect(await counts()).toEqual(before);
  });

  it('answers bad input with 400 and writes nothing', async () => {
    const before = await counts();
    const limitsBefore = await one<number>(db, 'select count(*)::int from private.rate_limits');
    const start = nextSlot();
    for (const bad of [
      booking(start, 'not-an-email'),
      booking(start, 'x@guest.test', { name: '' }),
      booking(start, 'x@guest.test', { name: 'x'.repeat(121) }),
      booking(start, 'x@guest.test', { timeZone: 'Mars/Olympus' }),
      booking('tomorrow at five', 'x@guest.test'),
      booking(start, 'x@guest.test', { sessionType: 'nope' }),
      booking(start, 'x@guest.test', { extra: 'field' }),
      { action: 'cancel', booking: 'nope', token: 'short' },
    ]) {
      const res = await handler()(post(bad, '192.0.2.30'));
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const notJson = await handler()(
      new Request('http://local/public-booking', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":',
      }),
    );
    expect(notJson.status).toBe(400);
    const wrongType = await handler()(
      new Request('http://local/public-booking', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'hi',
      }),
    );
    expect(wrongType.status).toBe(415);
    expect(await counts()).toEqual(before);
    expect(await one<number>(db, 'select count(*)::int from private.rate_limits')).toBe(
      limitsBefore,
    );
  });

  it('cancels and moves through the link; a wrong token is a 404 that changes nothing', async () => {
    const res = await handler()(post(booking(lateSlot(), 'manage@guest.test'), '198.51.100.40'));
    const { booking_id: id, token } = (await res.json()) as Record<string, string>;
    const other = await handler()(post(booking(nextSlot(), 'other@guest.test'), '198.51.100.41'));
    const otherToken = ((await other.json()) as Record<string, string>).token;

    const wrong = await handler()(
      post({ action: 'cancel', booking: id, token: otherToken }, '198.51.100.40'),
    );
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('link_invalid');

    const to = lateSlot();
    const moved = await handler()(
      post({ action: 'reschedule', booking: id, token, start: to }, '198.51.100.40'),
    );
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { booking_id: string }).booking_id).toBe(id);

    const cancelled = await handler()(
      post({ action: 'cancel', booking: id, token, locale: 'en' }, '198.51.100.40', true),
    );
    expect(cancelled.status).toBe(303);
    expect(cancelled.headers.get('location')).toBe(
      `${SITE}/booking/${id}?t=${token}&lang=en&done=cancel`,
    );
    const row = await db.query<{ status: string; starts_at: Date }>(
      `select b.status, t.starts_at from public.bookings b
         join public.training_sessions t on t.id = b.session_id where b.id = $1`,
      [id],
    );
    expect(row.rows[0]?.status).toBe('cancelled_by_member');
    expect(new Date(row.rows[0]?.starts_at ?? 0).toISOString()).toBe(to);
  });
});
