import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { RpcError, type Rpc } from '../_shared/rpc.ts';
import { createStripeWebhookHandler } from './handler.ts';

const SECRET = 'whsec_test_unit_secret';
const NOW = Date.parse('2026-01-15T12:00:00Z');
const stripe = new Stripe('sk_test_unit');
const cryptoProvider = Stripe.createSubtleCryptoProvider();

function completed(id = 'evt_unit_1') {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'checkout.session.completed',
    created: NOW / 1000 - 5,
    data: {
      object: {
        id: 'cs_test_unit',
        object: 'checkout.session',
        amount_total: 1692,
        currency: 'eur',
        payment_status: 'paid',
        payment_intent: 'pi_unit',
        client_reference_id: '00000000-0000-4000-b000-0000000000aa',
        metadata: { purchase_id: '00000000-0000-4000-b000-0000000000aa' },
      },
    },
  });
}

async function sign(payload: string, ageSeconds = 0, secret = SECRET) {
  return stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret,
    timestamp: Math.floor(NOW / 1000) - ageSeconds,
    cryptoProvider,
  });
}

function setup(rpcImpl?: Rpc) {
  const calls: Record<string, unknown>[] = [];
  const rpc: Rpc =
    rpcImpl ??
    (async (fn, args) => {
      // a guest lookup finds none here (guest-buyer.ts; tests/integration/public-checkout.test.ts)
      if (fn === 'guest_purchase_buyer') return {};
      calls.push(args);
      return { outcome: 'applied' };
    });
  const handler = createStripeWebhookHandler({
    rpc,
    webhookSecret: SECRET,
    stripe,
    cryptoProvider,
    now: () => NOW,
  });
  const post = (body: string, signature: string | null) =>
    handler(
      new Request('http://local/functions/v1/stripe-webhook', {
        method: 'POST',
        headers: signature === null ? {} : { 'stripe-signature': signature },
        body,
      }),
    );
  return { calls, post, handler };
}

describe('stripe-webhook handler', () => {
  it('accepts a correctly signed event and passes the facts to the database', async () => {
    const { calls, post } = setup();
    const body = completed();
    const res = await post(body, await sign(body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, outcome: 'applied' });
    expect(calls).toEqual([
      {
        p_event: {
          id: 'evt_unit_1',
          type: 'checkout.session.completed',
          created: NOW / 1000 - 5,
          purchaseId: '00000000-0000-4000-b000-0000000000aa',
          sessionId: 'cs_test_unit',
          paymentIntentId: 'pi_unit',
          amountTotal: 1692,
          currency: 'eur',
          paymentStatus: 'paid',
        },
      },
    ]);
  });

  it('accepts a signature 299 s old and rejects one 301 s old, writing nothing', async () => {
    const { calls, post } = setup();
    const body = completed();
    expect((await post(body, await sign(body, 299))).status).toBe(200);
    const stale = await post(body, await sign(body, 301));
    expect(stale.status).toBe(400);
    expect(await stale.json()).toEqual({
      error: { code: 'invalid_signature', message: 'The signature does not verify' },
    });
    expect(calls).toHaveLength(1);
  });

  it('rejects a body edited by one byte, a wrong secret and a missing header', async () => {
    const { calls, post } = setup();
    const body = completed();
    const signature = await sign(body);
    const edited = body.replace('"amount_total":1692', '"amount_total":1693');
    expect(edited.length).toBe(body.length);
    expect((await post(edited, signature)).status).toBe(400);
    expect((await post(body, await sign(body, 0, 'whsec_other'))).status).toBe(400);
    const missing = await post(body, null);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe(
      'missing_signature',
    );
    expect((await post('{}', 't=1,v1=abc')).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers 503 on a temporary database failure and 500 on anything else, without details', async () => {
    const body = completed();
    const signature = await sign(body);
    const down = setup(async () => {
      throw new RpcError('08006', 'connection failure at 10.0.0.3', null, true);
    });
    const res = await down.post(body, signature);
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain('10.0.0.3');
    const broken = setup(async () => {
      throw new RpcError('XX000', 'secret internals', null, false);
    });
    const res2 = await broken.post(body, signature);
    expect(res2.status).toBe(500);
    expect(await res2.text()).not.toContain('secret internals');
  });

  it('maps refunds and payment failures to the facts the database needs', async () => {
    const { calls, post } = setup();
    const refund = JSON.stringify({
      id: 'evt_unit_refund',
      object: 'event',
      type: 'charge.refunded',
      created: 1,
      data: {
        object: {
          id: 'ch_1',
          object: 'charge',
          payment_intent: 'pi_unit',
          amount_refunded: 1692,
          refunded: true,
          metadata: { purchase_id: '00000000-0000-4000-b000-0000000000aa' },
        },
      },
    });
    const failed = JSON.stringify({
      id: 'evt_unit_failed',
      object: 'event',
      type: 'payment_intent.payment_failed',
      created: 2,
      data: {
        object: {
          id: 'pi_unit',
          object: 'payment_intent',
          metadata: {},
          last_payment_error: { message: 'Your card was declined.' },
        },
      },
    });
    expect((await post(refund, await sign(refund))).status).toBe(200);
    expect((await post(failed, await sign(failed))).status).toBe(200);
    expect(calls).toEqual([
      {
        p_event: {
          id: 'evt_unit_refund',
          type: 'charge.refunded',
          created: 1,
          purchaseId: '00000000-0000-4000-b000-0000000000aa',
          paymentIntentId: 'pi_unit',
          amountRefunded: 1692,
          refunded: true,
        },
      },
      {
        p_event: {
          id: 'evt_unit_failed',
          type: 'payment_intent.payment_failed',
          created: 2,
          purchaseId: null,
          paymentIntentId: 'pi_unit',
          failureMessage: 'Your card was declined.',
        },
      },
    ]);
  });

  it("issues a late booking payment's refund after the commit, once per booking key; 500 if Stripe fails", async () => {
    const booking = '00000000-0000-4000-8000-0000000000b1';
    const refund = {
      bookingId: booking,
      paymentIntentId: 'pi_late',
      amountMinor: 250000,
      currency: 'RUB',
    };
    const rpcCalls: string[] = [];
    const asked: (string | undefined)[] = [];
    let fail = true;
    const handler = createStripeWebhookHandler({
      rpc: async (fn) => {
        // not a guest's purchase: nothing to attach before the event applies
        if (fn === 'guest_purchase_buyer') return {};
        rpcCalls.push(fn);
        return fn === 'stripe_apply_event' ? { outcome: 'applied', refund } : null;
      },
      webhookSecret: SECRET,
      stripe,
      cryptoProvider,
      now: () => NOW,
      refunds: {
        refunds: {
          create: async (_params, options) => {
            asked.push(options?.idempotencyKey);
            if (fail) throw new Error('stripe down');
            return { id: 're_late' };
          },
        },
      },
    });
    const body = JSON.stringify({
      ...JSON.parse(completed('evt_unit_late')),
      data: {
        object: {
          id: 'cs_late',
          object: 'checkout.session',
          amount_total: 250000,
          currency: 'rub',
          payment_status: 'paid',
          payment_intent: 'pi_late',
          client_reference_id: booking,
          metadata: { booking_id: booking },
        },
      },
    });
    const post = async () =>
      handler(
        new Request('http://local/functions/v1/stripe-webhook', {
          method: 'POST',
          headers: { 'stripe-signature': await sign(body) },
          body,
        }),
      );
    expect((await post()).status).toBe(500);
    fail = false;
    expect((await post()).status).toBe(200);
    expect(asked).toEqual([`booking-refund-${booking}`, `booking-refund-${booking}`]);
    expect(rpcCalls).toEqual(['stripe_apply_event', 'stripe_apply_event', 'booking_refund_issued']);
  });

  it('only takes POST', async () => {
    const { calls, handler } = setup();
    expect((await handler(new Request('http://local/functions/v1/stripe-webhook'))).status).toBe(
      405,
    );
    expect(calls).toEqual([]);
  });
});
