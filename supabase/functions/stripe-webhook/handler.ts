// stripe-webhook: verify, dedupe and apply in one transaction, then answer.
//   * the signature is checked on the raw body with the Stripe SDK
//     (constructEventAsync + SubtleCrypto, 300 s tolerance): a bad signature, a
//     stale timestamp or an edited body → 400 and nothing is written;
//   * the event id is recorded in the same transaction as its effect
//     (public.stripe_apply_event), so a duplicate or a concurrent redelivery does
//     nothing, and transitions are monotonic, so any order ends the same;
//   * a guest's paid purchase is first attached to an account (guest-buyer.ts);
//   * 2xx only after the commit; 503 on a temporary failure (Stripe retries),
//     500 on anything unexpected (Stripe retries too). A permanent business
//     rejection (no such purchase, amount mismatch) is kept as a dead letter and
//     answered 200, since retrying cannot fix it.
//   * a booking's late payment for a slot taken meanwhile comes back with the
//     refund it is owed: issued after the commit with the booking's
//     Idempotency-Key (one refund however often asked); if Stripe fails, 500, so
//     Stripe redelivers and the redelivery asks again (booking-holds retries too).
// Stripe calls it without a user token: config.toml needs `verify_jwt = false`.
import type Stripe from 'stripe';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  readText,
  requireMethod,
} from '../_shared/http-error.ts';
import {
  type BookingRefunds,
  issueBookingRefund,
  refundDueSchema,
} from '../_shared/booking-refund.ts';
import { type Rpc, RpcError } from '../_shared/rpc.ts';
import { toAppliedEvent } from './events.ts';
import type { CreateAccount } from '../_shared/auth-admin.ts';
import { attachGuestBuyer } from './guest-buyer.ts';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface StripeWebhookDeps {
  rpc: Rpc;
  /** whsec_… of this endpoint */
  webhookSecret: string;
  stripe: Pick<Stripe, 'webhooks'>;
  cryptoProvider: Stripe.CryptoProvider;
  /** epoch ms; the signature's age is measured against it */
  now: () => number;
  /** makes an account for a guest who paid (absent: guest purchases wait, 500) */
  createAccount?: CreateAccount;
  /** refunds of late booking payments; without it they wait for booking-holds */
  refunds?: BookingRefunds;
}

export async function handleStripeWebhook(req: Request, deps: StripeWebhookDeps) {
  try {
    requireMethod(req, 'POST');
    const signature = req.headers.get('stripe-signature');
    if (!signature)
      throw new HttpError(400, 'missing_signature', 'Stripe-Signature header required');
    const raw = await readText(req, 512 * 1024);

    let event: Stripe.Event;
    try {
      event = await deps.stripe.webhooks.constructEventAsync(
        raw,
        signature,
        deps.webhookSecret,
        SIGNATURE_TOLERANCE_SECONDS,
        deps.cryptoProvider,
        deps.now(),
      );
    } catch {
      throw new HttpError(400, 'invalid_signature', 'The signature does not verify');
    }

    let result: unknown;
    try {
      const applied = toAppliedEvent(event);
      // a guest's payment: the account first, so the credits go to it
      await attachGuestBuyer(deps.rpc, deps.createAccount ?? noAccounts, applied);
      result = await deps.rpc('stripe_apply_event', { p_event: { ...applied } });
    } catch (e) {
      if (e instanceof RpcError && e.transient) {
        throw new HttpError(503, 'temporarily_unavailable', 'Try again later', undefined, {
          'retry-after': '30',
        });
      }
      throw new HttpError(500, 'internal', 'The event could not be applied');
    }
    const refund = refundDueSchema.safeParse((result as { refund?: unknown } | null)?.refund);
    if (refund.success && deps.refunds) {
      try {
        await issueBookingRefund(deps.rpc, deps.refunds, refund.data);
      } catch {
        throw new HttpError(500, 'refund_pending', 'The refund could not be issued yet');
      }
    }
    const outcome = (result as { outcome?: unknown } | null)?.outcome;
    return jsonResponse({ received: true, outcome: typeof outcome === 'string' ? outcome : null });
  } catch (e) {
    return errorResponse(e);
  }
}

const noAccounts: CreateAccount = () => Promise.reject(new Error('no auth admin configured'));

export function createStripeWebhookHandler(deps: StripeWebhookDeps) {
  return (req: Request) => handleStripeWebhook(req, deps);
}
