// Paying for a booking: hold the slot, then send the payer to Stripe Checkout.
// Shared by the public booking function (a guest) and checkout (a member).
//
//   1. public.hold_paid_booking writes the booking `pending_payment` for 10
//      minutes (the slot is taken in the commitments ledger, so a second person
//      gets 409 slot_taken) with the price from public.session_types. The same
//      person asking again for the same slot gets the same hold back.
//   2. A Checkout Session in payment mode for that price: client_reference_id and
//      metadata.booking_id = the booking, expires_at = now + 30 min (the least
//      Stripe accepts; the hold itself ends after 10 and the sweep expires the
//      session), success and cancel pages under the site's /booking/<id>.
//   3. public.attach_booking_checkout keeps the first session for the booking.
//
// Nothing is confirmed here: only the signed webhook's paid path confirms.
import type Stripe from 'stripe';
import { z } from 'zod';
import { HttpError } from './http-error.ts';
import { type Rpc, RpcError, rpcHttpError } from './rpc.ts';

/** Stripe's minimum for expires_at, in seconds ahead */
export const CHECKOUT_LIFETIME_SECONDS = 30 * 60;
/** a retry within this window reuses the Idempotency-Key, so Stripe returns the same session */
const IDEMPOTENCY_WINDOW_SECONDS = 5 * 60;

/** the Stripe calls a booking checkout makes (the real client satisfies them) */
export interface BookingStripe {
  checkout: {
    sessions: {
      create(
        params: Stripe.Checkout.SessionCreateParams,
        options?: { idempotencyKey?: string },
      ): Promise<{ id: string; url: string | null }>;
      expire(id: string): Promise<unknown>;
    };
  };
}

export interface BookingCheckoutDeps {
  rpc: Rpc;
  stripe: BookingStripe;
  /** the site's origin: the payer comes back to <siteUrl>/booking/<id> */
  siteUrl: string;
  /** epoch ms */
  now: () => number;
}

export const guestHolderSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    // the same rule as private.booking_guests' check (tests/db/guest-email-agreement.test.ts)
    email: z
      .string()
      .max(254)
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address like name@example.com'),
    phone: z.string().trim().max(40).optional(),
    timeZone: z.string().min(1).max(64).default('UTC'),
    locale: z.enum(['ru', 'en']).default('ru'),
  })
  .strict();

export type BookingHolder = { memberId: string } | { guest: z.input<typeof guestHolderSchema> };

export interface BookingCheckoutInput {
  sessionTypeId: string;
  /** ISO instant */
  startsAt: string;
  holder: BookingHolder;
  /** a client-chosen id makes a retried request return the same hold */
  bookingId?: string;
}

export interface BookingCheckout {
  bookingId: string;
  url: string;
  checkoutSessionId: string;
  holdUntil: string;
  startsAt: string;
  endsAt: string;
  amountMinor: number;
  currency: string;
  /** the same person asked again while the hold lived */
  replayed: boolean;
}

// ids from the database: any uuid it holds (z.guid, not only RFC 4122 variants)
const holdSchema = z.object({
  bookingId: z.guid(),
  orgId: z.guid(),
  coachId: z.guid(),
  sessionTypeId: z.guid().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  holdUntil: z.string().nullable(),
  status: z.string(),
  name: z.string().nullable(),
  amountMinor: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  checkoutSessionId: z.string().nullable(),
  checkoutUrl: z.string().nullable(),
  guestEmail: z.string().nullable(),
  replayed: z.boolean(),
});

const attachedSchema = z.object({
  checkoutSessionId: z.string().nullable(),
  checkoutUrl: z.string().nullable(),
});

/** what a failed hold means to the payer: 409 slot_taken for a taken slot */
export function holdHttpError(e: unknown): HttpError {
  if (e instanceof RpcError && e.sqlstate === '23P01') {
    return new HttpError(409, 'slot_taken', 'This time is no longer available');
  }
  return rpcHttpError(e);
}

/** holds the slot and returns the Checkout page to pay for it */
export async function startBookingCheckout(
  deps: BookingCheckoutDeps,
  input: BookingCheckoutInput,
): Promise<BookingCheckout> {
  const guest = 'guest' in input.holder ? guestHolderSchema.parse(input.holder.guest) : null;
  let hold: z.output<typeof holdSchema>;
  try {
    hold = holdSchema.parse(
      await deps.rpc('hold_paid_booking', {
        p_session_type_id: input.sessionTypeId,
        p_starts_at: input.startsAt,
        p_member_id: 'memberId' in input.holder ? input.holder.memberId : null,
        p_guest_name: guest?.name ?? null,
        p_guest_email: guest?.email ?? null,
        p_guest_phone: guest?.phone ?? null,
        p_guest_time_zone: guest?.timeZone ?? 'UTC',
        p_guest_locale: guest?.locale ?? 'ru',
        p_booking_id: input.bookingId ?? null,
      }),
    );
  } catch (e) {
    if (e instanceof z.ZodError) throw new HttpError(500, 'internal', 'Unexpected hold');
    throw holdHttpError(e);
  }
  if (hold.status !== 'pending_payment' || !hold.holdUntil) {
    throw new HttpError(409, 'not_pending', `The booking is ${hold.status}`);
  }
  const answer = (id: string, url: string): BookingCheckout => ({
    bookingId: hold.bookingId,
    url,
    checkoutSessionId: id,
    holdUntil: hold.holdUntil ?? '',
    startsAt: hold.startsAt,
    endsAt: hold.endsAt,
    amountMinor: hold.amountMinor,
    currency: hold.currency,
    replayed: hold.replayed,
  });
  if (hold.checkoutSessionId && hold.checkoutUrl) {
    return answer(hold.checkoutSessionId, hold.checkoutUrl);
  }

  const nowSeconds = Math.floor(deps.now() / 1000);
  // a retry in the same window sends the same request under the same key
  const window = Math.floor(nowSeconds / IDEMPOTENCY_WINDOW_SECONDS);
  const expiresAt = (window + 1) * IDEMPOTENCY_WINDOW_SECONDS + CHECKOUT_LIFETIME_SECONDS;
  const site = deps.siteUrl.replace(/\/+$/, '');
  const metadata = { booking_id: hold.bookingId, org_id: hold.orgId, coach_id: hold.coachId };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: 'payment',
    client_reference_id: hold.bookingId,
    metadata,
    payment_intent_data: { metadata },
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: hold.currency.toLowerCase(),
          unit_amount: hold.amountMinor,
          product_data: { name: hold.name ?? 'Training session' },
        },
      },
    ],
    expires_at: expiresAt,
    ...(hold.guestEmail ? { customer_email: hold.guestEmail } : {}),
    success_url: `${site}/booking/${hold.bookingId}?paid=1`,
    cancel_url: `${site}/booking/${hold.bookingId}?paid=0`,
  };
  let session: { id: string; url: string | null };
  try {
    session = await deps.stripe.checkout.sessions.create(params, {
      idempotencyKey: `booking-checkout-${hold.bookingId}-${window}`,
    });
  } catch {
    // the hold stays: a retry by the same person creates the session again
    throw new HttpError(502, 'payment_provider_error', 'The payment provider refused the checkout');
  }
  if (!session.url) {
    throw new HttpError(
      502,
      'payment_provider_error',
      'The payment provider gave no checkout page',
    );
  }
  let attached: z.output<typeof attachedSchema>;
  try {
    attached = attachedSchema.parse(
      await deps.rpc('attach_booking_checkout', {
        p_booking: hold.bookingId,
        p_session_id: session.id,
        p_url: session.url,
      }),
    );
  } catch (e) {
    throw rpcHttpError(e);
  }
  if (attached.checkoutSessionId && attached.checkoutSessionId !== session.id) {
    // a concurrent retry attached its session first: that one is the booking's,
    // and this one must never take a payment
    await deps.stripe.checkout.sessions.expire(session.id).catch(() => undefined);
  }
  return answer(attached.checkoutSessionId ?? session.id, attached.checkoutUrl ?? session.url);
}
