// booking-holds: what Stripe must be told about paid bookings' holds. Called every
// minute with the service role key (pg_cron's release-expired-holds job pokes it
// through pg_net in production; the local stack calls it itself):
//   * public.booking_holds_due releases the holds past their 10 minutes (the
//     sweep, again: it is idempotent) and lists the queued Checkout Sessions of
//     released holds and the refunds still owed;
//   * each session is expired at Stripe, so its page stops taking payment (a
//     session already complete or expired is done too: the webhook has or will
//     have its event); a failure stays queued for the next run;
//   * each refund is issued with the booking's Idempotency-Key (one refund,
//     however often asked) and recorded.
//
// POST (Authorization: Bearer <service role key>) → 200 {expired, expireFailed, refunded, refundFailed}
import { z } from 'zod';
import {
  type BookingRefunds,
  issueBookingRefund,
  refundDueSchema,
} from '../_shared/booking-refund.ts';
import {
  HttpError,
  bearerToken,
  errorResponse,
  jsonResponse,
  requireMethod,
} from '../_shared/http-error.ts';
import { type Rpc, rpcHttpError } from '../_shared/rpc.ts';
import { sameSecret } from '../_shared/same-secret.ts';

/** the Stripe calls this function makes (the real client satisfies them) */
export interface HoldsStripe extends BookingRefunds {
  checkout: {
    sessions: {
      expire(id: string): Promise<{ status: string | null }>;
      retrieve(id: string): Promise<{ status: string | null }>;
    };
  };
}

export interface BookingHoldsDeps {
  rpc: Rpc;
  stripe: HoldsStripe;
  /** only a caller holding this key may run it */
  serviceKey: string;
}

const dueSchema = z.object({
  expire: z.array(z.string()),
  refunds: z.array(refundDueSchema),
});

export async function handleBookingHolds(req: Request, deps: BookingHoldsDeps): Promise<Response> {
  try {
    requireMethod(req, 'POST');
    if (!(await sameSecret(bearerToken(req), deps.serviceKey))) {
      throw new HttpError(401, 'unauthorized', 'Only the scheduler may run this');
    }
    let due: z.output<typeof dueSchema>;
    try {
      due = dueSchema.parse(await deps.rpc('booking_holds_due', { p_limit: 50 }));
    } catch (e) {
      throw rpcHttpError(e);
    }
    const tally = { expired: 0, expireFailed: 0, refunded: 0, refundFailed: 0 };
    for (const id of due.expire) {
      const outcome = await expireSession(deps.stripe, id);
      await deps.rpc('booking_checkout_expire_done', {
        p_session_id: id,
        p_done: outcome !== null,
        p_outcome: outcome ?? 'stripe did not answer',
      });
      if (outcome === null) tally.expireFailed += 1;
      else tally.expired += 1;
    }
    for (const refund of due.refunds) {
      try {
        await issueBookingRefund(deps.rpc, deps.stripe, refund);
        tally.refunded += 1;
      } catch {
        tally.refundFailed += 1;
      }
    }
    return jsonResponse(tally);
  } catch (e) {
    return errorResponse(e);
  }
}

/** the session's state once Stripe has it no longer open, or null to try again */
async function expireSession(stripe: HoldsStripe, id: string): Promise<string | null> {
  try {
    await stripe.checkout.sessions.expire(id);
    return 'expired';
  } catch (e) {
    const missing = (e as { statusCode?: unknown } | null)?.statusCode === 404;
    if (missing) return 'missing';
    // paid or expired meanwhile: the webhook handles the event it got
    const now = await stripe.checkout.sessions.retrieve(id).catch(() => null);
    return now?.status && now.status !== 'open' ? now.status : null;
  }
}

export function createBookingHoldsHandler(deps: BookingHoldsDeps) {
  return (req: Request) => handleBookingHolds(req, deps);
}
