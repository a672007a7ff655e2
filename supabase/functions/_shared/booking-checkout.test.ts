import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { type BookingStripe, startBookingCheckout } from './booking-checkout.ts';
import { HttpError } from './http-error.ts';
import { type Rpc, RpcError } from './rpc.ts';

const NOW = Date.parse('2026-03-02T09:01:30Z');
const BOOKING = '00000000-0000-4000-8000-0000000000b1';

function hold(overrides: Record<string, unknown> = {}) {
  return {
    bookingId: BOOKING,
    orgId: '00000000-0000-4000-8000-0000000000a1',
    coachId: '00000000-0000-4000-8000-0000000000c1',
    sessionTypeId: '00000000-0000-4000-8000-0000000000f1',
    startsAt: '2026-03-05T10:00:00+00:00',
    endsAt: '2026-03-05T11:00:00+00:00',
    holdUntil: '2026-03-02T09:11:30+00:00',
    status: 'pending_payment',
    name: 'Индивидуальная тренировка',
    amountMinor: 250000,
    currency: 'RUB',
    checkoutSessionId: null,
    checkoutUrl: null,
    guestEmail: 'anna@example.test',
    replayed: false,
    ...overrides,
  };
}

function setup(rpcAnswer: () => unknown) {
  const rpcCalls: [string, Record<string, unknown>][] = [];
  const created: [Stripe.Checkout.SessionCreateParams, string | undefined][] = [];
  const rpc: Rpc = async (fn, args) => {
    rpcCalls.push([fn, args]);
    if (fn === 'hold_paid_booking') return rpcAnswer();
    return { checkoutSessionId: 'cs_test_1', checkoutUrl: 'https://pay.test/cs_test_1' };
  };
  const stripe: BookingStripe = {
    checkout: {
      sessions: {
        create: async (params, options) => {
          created.push([params, options?.idempotencyKey]);
          return { id: 'cs_test_1', url: 'https://pay.test/cs_test_1' };
        },
        expire: async () => ({}),
      },
    },
  };
  const deps = { rpc, stripe, siteUrl: 'https://trackside.test/', now: () => NOW };
  return { deps, rpcCalls, created };
}

const guestInput = {
  sessionTypeId: '00000000-0000-4000-8000-0000000000f1',
  startsAt: '2026-03-05T10:00:00Z',
  holder: { guest: { name: 'Anna', email: 'anna@example.test', locale: 'en' as const } },
};

describe('startBookingCheckout', () => {
  it('holds, then opens a 30-minute payment-mode checkout at the database price', async () => {
    const { deps, rpcCalls, created } = setup(() => hold());
    const result = await startBookingCheckout(deps, guestInput);
    expect(result).toMatchObject({
      bookingId: BOOKING,
      url: 'https://pay.test/cs_test_1',
      amountMinor: 250000,
      replayed: false,
    });
    expect(rpcCalls[0]?.[1]).toMatchObject({
      p_member_id: null,
      p_guest_name: 'Anna',
      p_guest_email: 'anna@example.test',
      p_guest_locale: 'en',
    });
    const [params, key] = created[0] ?? [];
    expect(params).toMatchObject({
      mode: 'payment',
      client_reference_id: BOOKING,
      metadata: { booking_id: BOOKING },
      payment_intent_data: { metadata: { booking_id: BOOKING } },
      customer_email: 'anna@example.test',
      success_url: `https://trackside.test/booking/${BOOKING}?paid=1`,
      cancel_url: `https://trackside.test/booking/${BOOKING}?paid=0`,
      line_items: [{ quantity: 1, price_data: { currency: 'rub', unit_amount: 250000 } }],
    });
    const ahead = (params?.expires_at ?? 0) - NOW / 1000;
    expect(ahead).toBeGreaterThanOrEqual(30 * 60);
    expect(ahead).toBeLessThanOrEqual(36 * 60);
    expect(key).toMatch(new RegExp(`^booking-checkout-${BOOKING}-\\d+$`));
    expect(rpcCalls[1]).toEqual([
      'attach_booking_checkout',
      { p_booking: BOOKING, p_session_id: 'cs_test_1', p_url: 'https://pay.test/cs_test_1' },
    ]);
  });

  it('a retry within the same minutes sends the same request under the same key', async () => {
    const a = setup(() => hold());
    const b = setup(() => hold({ replayed: true }));
    await startBookingCheckout(a.deps, guestInput);
    await startBookingCheckout({ ...b.deps, now: () => NOW + 60_000 }, guestInput);
    expect(b.created[0]).toEqual(a.created[0]);
  });

  it('returns the existing checkout of a live hold without asking Stripe again', async () => {
    const { deps, created } = setup(() =>
      hold({ replayed: true, checkoutSessionId: 'cs_old', checkoutUrl: 'https://pay.test/old' }),
    );
    const result = await startBookingCheckout(deps, {
      ...guestInput,
      holder: { memberId: '00000000-0000-4000-8000-0000000000d1' },
    });
    expect(result).toMatchObject({ url: 'https://pay.test/old', replayed: true });
    expect(created).toEqual([]);
  });

  it('answers a taken slot with 409 slot_taken and opens no checkout', async () => {
    const { deps, created } = setup(() => {
      throw new RpcError('23P01', 'this time is no longer available', 'slot_taken', false);
    });
    const error = await startBookingCheckout(deps, guestInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 409, code: 'slot_taken' });
    expect(created).toEqual([]);
  });
});
