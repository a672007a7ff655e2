// The refund a booking's late payment is owed when its slot was taken meanwhile
// (public.stripe_apply_event decides it, in the same transaction as the event).
// Issued after that commit by the webhook and, should that fail, by the
// booking-holds function: the Idempotency-Key is the booking's, so however often
// it is asked, Stripe makes one refund.
import { z } from 'zod';
import type { Rpc } from './rpc.ts';

export const refundDueSchema = z.object({
  bookingId: z.guid(),
  paymentIntentId: z.string().min(1),
  amountMinor: z.number().int().positive(),
  currency: z.string(),
});
export type RefundDue = z.output<typeof refundDueSchema>;

/** the Stripe call a refund makes (the real client satisfies it) */
export interface BookingRefunds {
  refunds: {
    create(
      params: { payment_intent: string; metadata?: Record<string, string> },
      options?: { idempotencyKey?: string },
    ): Promise<{ id: string }>;
  };
}

export function refundIdempotencyKey(bookingId: string): string {
  return `booking-refund-${bookingId}`;
}

/** asks Stripe for the refund and records it; throws when either fails */
export async function issueBookingRefund(
  rpc: Rpc,
  stripe: BookingRefunds,
  due: RefundDue,
): Promise<string> {
  const refund = await stripe.refunds.create(
    { payment_intent: due.paymentIntentId, metadata: { booking_id: due.bookingId } },
    { idempotencyKey: refundIdempotencyKey(due.bookingId) },
  );
  await rpc('booking_refund_issued', { p_booking: due.bookingId, p_refund_id: refund.id });
  return refund.id;
}
