import { describe, expect, it } from 'vitest';
import type { Rpc } from '../_shared/rpc.ts';
import { type HoldsStripe, createBookingHoldsHandler } from './handler.ts';

const KEY = 'service-key';
const BOOKING = '00000000-0000-4000-8000-0000000000b1';

function setup(due: unknown, stripeState: Record<string, string>) {
  const rpcCalls: [string, Record<string, unknown>][] = [];
  const refunds: [string, string | undefined][] = [];
  const rpc: Rpc = async (fn, args) => {
    rpcCalls.push([fn, args]);
    return fn === 'booking_holds_due' ? due : null;
  };
  const stripe: HoldsStripe = {
    checkout: {
      sessions: {
        expire: async (id) => {
          if (stripeState[id] !== 'open') throw new Error('not open');
          stripeState[id] = 'expired';
          return { status: 'expired' };
        },
        retrieve: async (id) => ({ status: stripeState[id] ?? null }),
      },
    },
    refunds: {
      create: async (params, options) => {
        refunds.push([params.payment_intent, options?.idempotencyKey]);
        return { id: 're_unit_1' };
      },
    },
  };
  const handler = createBookingHoldsHandler({ rpc, stripe, serviceKey: KEY });
  const post = (token = KEY) =>
    handler(
      new Request('http://local/functions/v1/booking-holds', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      }),
    );
  return { rpcCalls, refunds, post };
}

describe('booking-holds', () => {
  it('refuses anyone without the service key', async () => {
    const { post, rpcCalls } = setup({ expire: [], refunds: [] }, {});
    expect((await post('someone')).status).toBe(401);
    expect(rpcCalls).toEqual([]);
  });

  it("expires the released holds' sessions and issues the refunds still owed, once per booking", async () => {
    const { post, rpcCalls, refunds } = setup(
      {
        expire: ['cs_open', 'cs_paid', 'cs_unknown'],
        refunds: [
          { bookingId: BOOKING, paymentIntentId: 'pi_1', amountMinor: 250000, currency: 'RUB' },
        ],
      },
      { cs_open: 'open', cs_paid: 'complete' },
    );
    const res = await post();
    expect(await res.json()).toEqual({ expired: 2, expireFailed: 1, refunded: 1, refundFailed: 0 });
    expect(rpcCalls.filter(([fn]) => fn === 'booking_checkout_expire_done')).toEqual([
      [
        'booking_checkout_expire_done',
        { p_session_id: 'cs_open', p_done: true, p_outcome: 'expired' },
      ],
      [
        'booking_checkout_expire_done',
        { p_session_id: 'cs_paid', p_done: true, p_outcome: 'complete' },
      ],
      [
        'booking_checkout_expire_done',
        { p_session_id: 'cs_unknown', p_done: false, p_outcome: 'stripe did not answer' },
      ],
    ]);
    expect(refunds).toEqual([['pi_1', `booking-refund-${BOOKING}`]]);
    expect(rpcCalls).toContainEqual([
      'booking_refund_issued',
      { p_booking: BOOKING, p_refund_id: 're_unit_1' },
    ]);
  });
});
