// checkout: a signed-in user buys a product. The price comes from the database
// (public.checkout_prepare, which also applies a valid discount code and records a
// pending purchase), never from the client; the Stripe Checkout Session carries
// the purchase id in its metadata (and client_reference_id) so the webhook links
// the payment back; the answer is the session's URL.
//
// POST {productId, discountCode?, successPath?, cancelPath?}
//   200 {url, purchaseId, sessionId, amountMinor, currency, percentOff}
//   400/413/415 bad input · 401 not signed in · 404 product not on sale
//   422 invalid discount code or nothing to pay · 429 too many checkouts
//   502 Stripe refused · 503 try again
//
// The buyer's own pending purchase, later (an abandoned checkout):
// POST {action: 'resume', purchaseId}
//   200 {url, purchaseId} the same Checkout Session, while Stripe keeps it open
//   410 checkout_expired (the purchase is now expired) · 409 checkout_complete
//   (paid; the webhook records it) · 409 not_pending · 404 purchase_not_found
// A paid booking (a session type with a price), for the signed-in member:
// POST {action: 'book', sessionTypeId, startsAt, bookingId?}
//   200 {url, bookingId, holdUntil, …} the slot is held 10 minutes while they pay
//   (../_shared/booking-checkout.ts); the same slot asked again returns the same
//   checkout · 409 slot_taken · 404 session_type_not_found · 403 not a member
// A club's admin buys a pool of seats of another club's plan for the club's members
// (public.seat_pool_checkout_prepare: the volume price, a pending purchase tied to
// the club and the seats; paid, the pool is made for the club):
// POST {action: 'seats', clubId, productId, seats}
//   200 {url, purchaseId, sessionId, amountMinor, currency, percentOff, seats, perSeatMinor}
//   a one-off payment of seats × the price per seat, back to /org/<club>/seats
//   403 not the club's admin or running_clubs off · 404 product_not_found
//   422 not_a_plan, own_product, invalid_seats
// POST {action: 'cancel', purchaseId}
//   200 {purchaseId, status: 'canceled'} after Stripe has expired the session,
//   so the page can no longer take a payment · 409 checkout_complete / not_pending
import type Stripe from 'stripe';
import { z } from 'zod';
import { startBookingCheckout } from '../_shared/booking-checkout.ts';
import { withCors } from '../_shared/cors.ts';
import { HttpError } from '../_shared/http-error.ts';
import { type Rpc, rpcHttpError } from '../_shared/rpc.ts';
import { type SignedInDeps, handleSignedInPost, rpcParsed } from '../_shared/signed-in-post.ts';

export type CheckoutSessionParams = Stripe.Checkout.SessionCreateParams;

/** what this function reads of a Checkout Session */
export interface CheckoutSessionState {
  id: string;
  url: string | null;
  /** 'open' | 'complete' | 'expired' (Stripe may add more) */
  status: string | null;
}

/** the Stripe calls this function makes (the real client satisfies them) */
export interface StripeCheckout {
  checkout: {
    sessions: {
      create(
        params: CheckoutSessionParams,
        options?: { idempotencyKey?: string },
      ): Promise<{ id: string; url: string | null }>;
      retrieve(id: string): Promise<CheckoutSessionState>;
      expire(id: string): Promise<CheckoutSessionState>;
    };
  };
}

/** `callerLimiter`: the per-user budget of checkouts (429 beyond it) */
export interface CheckoutDeps extends SignedInDeps {
  rpc: Rpc;
  stripe: StripeCheckout;
  /** the app's origin; success and cancel pages are paths under it */
  siteUrl: string;
  /** epoch ms (a booking's checkout expires 30 minutes after it) */
  now?: () => number;
}

const appPath = z
  .string()
  .max(200)
  .regex(/^\/(?!\/)[A-Za-z0-9\-._~/]*$/, 'a path in the app, like /purchases');

export const buyRequestSchema = z
  .object({
    productId: z.uuid(),
    discountCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,32}$/, 'letters, digits, - and _, 3–32 characters')
      .optional(),
    successPath: appPath.optional(),
    cancelPath: appPath.optional(),
  })
  .strict();

export const manageRequestSchema = z
  .object({ action: z.enum(['resume', 'cancel']), purchaseId: z.uuid() })
  .strict();

export const bookRequestSchema = z
  .object({
    action: z.literal('book'),
    sessionTypeId: z.uuid(),
    startsAt: z.iso.datetime({ offset: true }),
    bookingId: z.uuid().optional(),
  })
  .strict();

export const seatsRequestSchema = z
  .object({
    action: z.literal('seats'),
    clubId: z.uuid(),
    productId: z.uuid(),
    seats: z.number().int().min(1).max(10_000),
  })
  .strict();

export const checkoutRequestSchema = z.union([
  bookRequestSchema,
  seatsRequestSchema,
  manageRequestSchema,
  buyRequestSchema,
]);

const purchaseCheckoutSchema = z.object({
  purchaseId: z.uuid(),
  status: z.string(),
  sessionId: z.string().nullable(),
});

const preparedSchema = z.object({
  purchaseId: z.uuid(),
  orgId: z.uuid(),
  productId: z.uuid(),
  kind: z.enum(['product', 'package', 'plan', 'course']),
  name: z.string(),
  description: z.string().nullable(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  percentOff: z.number().int().nullable(),
  billingInterval: z.enum(['month', 'year']).nullable(),
});

const seatsPreparedSchema = preparedSchema.extend({
  clubId: z.uuid(),
  seats: z.number().int().min(1),
  perSeatMinor: z.number().int().nonnegative(),
});

export function handleCheckout(req: Request, deps: CheckoutDeps): Promise<Response> {
  return handleSignedInPost(req, deps, checkoutRequestSchema, async (input, userId) => {
    if ('action' in input && input.action === 'book') {
      return startBookingCheckout(
        { rpc: deps.rpc, stripe: deps.stripe, siteUrl: deps.siteUrl, now: deps.now ?? Date.now },
        {
          sessionTypeId: input.sessionTypeId,
          startsAt: input.startsAt,
          holder: { memberId: userId },
          ...(input.bookingId ? { bookingId: input.bookingId } : {}),
        },
      );
    }
    if ('action' in input && input.action === 'seats') {
      return buySeats(deps, userId, input);
    }
    if ('action' in input) {
      return input.action === 'resume'
        ? resume(deps, userId, input.purchaseId)
        : cancel(deps, userId, input.purchaseId);
    }
    const prepared = await rpcParsed(
      deps.rpc,
      'checkout_prepare',
      {
        p_user: userId,
        p_product: input.productId,
        p_discount_code: input.discountCode ?? null,
      },
      preparedSchema,
    );

    if (prepared.amountMinor === 0) {
      await attach(deps, prepared.purchaseId, null);
      throw new HttpError(422, 'nothing_to_pay', 'The discount leaves nothing to pay');
    }

    const site = deps.siteUrl.replace(/\/+$/, '');
    const metadata = {
      purchase_id: prepared.purchaseId,
      org_id: prepared.orgId,
      product_id: prepared.productId,
    };
    const subscription = prepared.kind === 'plan';
    const params: CheckoutSessionParams = {
      mode: subscription ? 'subscription' : 'payment',
      client_reference_id: prepared.purchaseId,
      metadata,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: prepared.currency.toLowerCase(),
            unit_amount: prepared.amountMinor,
            product_data: {
              name: prepared.name,
              ...(prepared.description ? { description: prepared.description } : {}),
            },
            ...(subscription && prepared.billingInterval
              ? { recurring: { interval: prepared.billingInterval } }
              : {}),
          },
        },
      ],
      ...(subscription
        ? { subscription_data: { metadata } }
        : { payment_intent_data: { metadata } }),
      success_url: `${site}${input.successPath ?? '/purchases'}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${site}${input.cancelPath ?? '/purchases'}?checkout=canceled`,
    };

    let session: { id: string; url: string | null };
    try {
      // one session per purchase, even if this call is retried
      session = await deps.stripe.checkout.sessions.create(params, {
        idempotencyKey: `checkout-${prepared.purchaseId}`,
      });
    } catch {
      await attach(deps, prepared.purchaseId, null);
      throw new HttpError(
        502,
        'payment_provider_error',
        'The payment provider refused the checkout',
      );
    }
    if (!session.url) {
      await attach(deps, prepared.purchaseId, null);
      throw new HttpError(
        502,
        'payment_provider_error',
        'The payment provider gave no checkout page',
      );
    }
    await attach(deps, prepared.purchaseId, session.id);

    return {
      url: session.url,
      purchaseId: prepared.purchaseId,
      sessionId: session.id,
      amountMinor: prepared.amountMinor,
      currency: prepared.currency,
      percentOff: prepared.percentOff,
    };
  });
}

/** a club admin's checkout of a seat pool: one payment of seats × the price per seat */
async function buySeats(
  deps: CheckoutDeps,
  userId: string,
  input: z.infer<typeof seatsRequestSchema>,
) {
  const prepared = await rpcParsed(
    deps.rpc,
    'seat_pool_checkout_prepare',
    { p_user: userId, p_club: input.clubId, p_product: input.productId, p_seats: input.seats },
    seatsPreparedSchema,
  );
  if (prepared.amountMinor === 0) {
    await attach(deps, prepared.purchaseId, null);
    throw new HttpError(422, 'nothing_to_pay', 'The seats cost nothing');
  }
  const site = deps.siteUrl.replace(/\/+$/, '');
  const back = `${site}/org/${prepared.clubId}/seats`;
  const metadata = {
    purchase_id: prepared.purchaseId,
    org_id: prepared.orgId,
    product_id: prepared.productId,
    club_id: prepared.clubId,
    seats: String(prepared.seats),
  };
  const params: CheckoutSessionParams = {
    // seats are bought once, even of a plan sold by subscription
    mode: 'payment',
    client_reference_id: prepared.purchaseId,
    metadata,
    line_items: [
      {
        quantity: prepared.seats,
        price_data: {
          currency: prepared.currency.toLowerCase(),
          unit_amount: prepared.perSeatMinor,
          product_data: {
            name: prepared.name,
            ...(prepared.description ? { description: prepared.description } : {}),
          },
        },
      },
    ],
    payment_intent_data: { metadata },
    success_url: `${back}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${back}?checkout=canceled`,
  };
  let session: { id: string; url: string | null };
  try {
    // one session per purchase, even if this call is retried
    session = await deps.stripe.checkout.sessions.create(params, {
      idempotencyKey: `checkout-${prepared.purchaseId}`,
    });
  } catch {
    await attach(deps, prepared.purchaseId, null);
    throw new HttpError(502, 'payment_provider_error', 'The payment provider refused the checkout');
  }
  if (!session.url) {
    await attach(deps, prepared.purchaseId, null);
    throw new HttpError(
      502,
      'payment_provider_error',
      'The payment provider gave no checkout page',
    );
  }
  await attach(deps, prepared.purchaseId, session.id);
  return {
    url: session.url,
    purchaseId: prepared.purchaseId,
    sessionId: session.id,
    amountMinor: prepared.amountMinor,
    currency: prepared.currency,
    percentOff: prepared.percentOff,
    seats: prepared.seats,
    perSeatMinor: prepared.perSeatMinor,
  };
}

/** the buyer's pending purchase with a session, or the reason it has none to offer */
async function pendingSession(deps: CheckoutDeps, userId: string, purchaseId: string) {
  const purchase = await rpcParsed(
    deps.rpc,
    'purchase_checkout',
    { p_user: userId, p_purchase: purchaseId },
    purchaseCheckoutSchema,
  );
  if (purchase.status !== 'pending') {
    throw new HttpError(409, 'not_pending', `The purchase is ${purchase.status}`);
  }
  if (!purchase.sessionId) return null;
  try {
    return await deps.stripe.checkout.sessions.retrieve(purchase.sessionId);
  } catch (e) {
    // Stripe no longer knows it (the local test checkout forgets on restart)
    if (isMissing(e)) return null;
    throw providerError();
  }
}

async function resume(deps: CheckoutDeps, userId: string, purchaseId: string) {
  const session = await pendingSession(deps, userId, purchaseId);
  if (session?.status === 'open' && session.url) return { url: session.url, purchaseId };
  if (session?.status === 'complete') throw completeError();
  await close(deps, userId, purchaseId, 'expired');
  throw new HttpError(410, 'checkout_expired', 'The checkout session has expired');
}

async function cancel(deps: CheckoutDeps, userId: string, purchaseId: string) {
  const session = await pendingSession(deps, userId, purchaseId);
  if (session?.status === 'complete') throw completeError();
  if (session?.status === 'open') {
    // first Stripe, so the page cannot take a payment once we call it canceled
    try {
      await deps.stripe.checkout.sessions.expire(session.id);
    } catch {
      // paid in the meantime, or Stripe is unreachable: nothing is canceled
      const now = await deps.stripe.checkout.sessions.retrieve(session.id).catch(() => null);
      if (now?.status === 'complete') throw completeError();
      if (now?.status !== 'expired') throw providerError();
    }
  }
  return close(deps, userId, purchaseId, 'canceled');
}

async function close(
  deps: CheckoutDeps,
  userId: string,
  purchaseId: string,
  status: 'canceled' | 'expired',
) {
  return rpcParsed(
    deps.rpc,
    'purchase_close',
    { p_user: userId, p_purchase: purchaseId, p_status: status },
    z.object({ purchaseId: z.uuid(), status: z.string() }),
  );
}

function isMissing(e: unknown): boolean {
  const err = e as { statusCode?: unknown; code?: unknown } | null;
  return err?.statusCode === 404 || err?.code === 'resource_missing';
}

function completeError() {
  return new HttpError(409, 'checkout_complete', 'The checkout is paid; it is being recorded');
}

function providerError() {
  return new HttpError(502, 'payment_provider_error', 'The payment provider did not answer');
}

async function attach(deps: CheckoutDeps, purchaseId: string, sessionId: string | null) {
  try {
    await deps.rpc('checkout_attach', { p_purchase: purchaseId, p_session_id: sessionId });
  } catch (e) {
    throw rpcHttpError(e);
  }
}

export function createCheckoutHandler(deps: CheckoutDeps) {
  return withCors((req) => handleCheckout(req, deps));
}
