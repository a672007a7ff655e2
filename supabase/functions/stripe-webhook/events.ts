// What the database needs of a verified Stripe event: the ids that find the
// purchase and the facts of the payment. Everything else stays out.
import type Stripe from 'stripe';

export interface AppliedEvent {
  id: string;
  type: string;
  /** unix seconds */
  created: number;
  purchaseId?: string | null;
  /** a booking's checkout (supabase/functions/_shared/booking-checkout.ts) */
  bookingId?: string | null;
  sessionId?: string | null;
  paymentIntentId?: string | null;
  amountTotal?: number | null;
  currency?: string | null;
  paymentStatus?: string | null;
  amountRefunded?: number | null;
  refunded?: boolean | null;
  failureMessage?: string | null;
}

function idOf(ref: string | { id: string } | null | undefined): string | null {
  if (!ref) return null;
  return typeof ref === 'string' ? ref : ref.id;
}

export function toAppliedEvent(event: Stripe.Event): AppliedEvent {
  const base = { id: event.id, type: event.type, created: event.created };
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired': {
      const s = event.data.object;
      const bookingId = s.metadata?.booking_id;
      return {
        ...base,
        ...(bookingId
          ? { purchaseId: null, bookingId }
          : { purchaseId: s.metadata?.purchase_id ?? s.client_reference_id ?? null }),
        sessionId: s.id,
        paymentIntentId: idOf(s.payment_intent),
        amountTotal: s.amount_total,
        currency: s.currency,
        paymentStatus: s.payment_status,
      };
    }
    case 'payment_intent.payment_failed': {
      const pi = event.data.object;
      return {
        ...base,
        purchaseId: pi.metadata?.purchase_id ?? null,
        ...(pi.metadata?.booking_id ? { bookingId: pi.metadata.booking_id } : {}),
        paymentIntentId: pi.id,
        failureMessage: pi.last_payment_error?.message ?? null,
      };
    }
    case 'charge.refunded': {
      const charge = event.data.object;
      return {
        ...base,
        purchaseId: charge.metadata?.purchase_id ?? null,
        ...(charge.metadata?.booking_id ? { bookingId: charge.metadata.booking_id } : {}),
        paymentIntentId: idOf(charge.payment_intent),
        amountRefunded: charge.amount_refunded,
        refunded: charge.refunded,
      };
    }
    default:
      return base;
  }
}
