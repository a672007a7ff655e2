// Checkout and the Stripe webhook against a real migrated database: prices and
// discounts come from the database, events are signed by the Stripe SDK and
// verified by the real handler, and the SQL applies each event exactly once.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckoutSessionParams,
  createCheckoutHandler,
} from '../../supabase/functions/checkout/handler.ts';
import { createStripeWebhookHandler } from '../../supabase/functions/stripe-webhook/handler.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { sqlRpc } from '../../supabase/local/db/sql-rpc.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { BUYER, PACKAGE, PLAN, one, seedMoney } from './money-fixtures.ts';

const SECRET = 'whsec_money_integration';
const stripe = new Stripe('sk_test_integration');
const cryptoProvider = Stripe.createSubtleCryptoProvider();

let db: Database;
const sessions: { params: CheckoutSessionParams; idempotencyKey?: string }[] = [];
let checkout: (req: Request) => Promise<Response>;
let webhook: (req: Request) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedMoney(db);
  const rpc = sqlRpc(db);
  checkout = createCheckoutHandler({
    authenticate: async (token) => (token === 'buyer-token' ? BUYER : null),
    rpc,
    stripe: {
      checkout: {
        sessions: {
          create: async (params, options) => {
            sessions.push({
              params,
              ...(options?.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
            });
            return {
              id: `cs_test_${sessions.length}`,
              url: `https://checkout.stripe.test/${sessions.length}`,
            };
          },
          retrieve: async (id) => ({ id, url: null, status: 'open' }),
          expire: async (id) => ({ id, url: null, status: 'expired' }),
        },
      },
    },
    siteUrl: 'https://app.trackside.test',
  });
  webhook = createStripeWebhookHandler({
    rpc,
    webhookSecret: SECRET,
    stripe,
    cryptoProvider,
    now: () => Date.now(),
  });
});

afterAll(async () => {
  await db?.close();
});

async function buy(body: Record<string, unknown>) {
  const res = await checkout(
    new Request('http://local/checkout', {
      method: 'POST',
      headers: { authorization: 'Bearer buyer-token', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function completedEvent(
  id: string,
  purchaseId: string,
  sessionId: string,
  amount: number,
  pi = `pi_${id}`,
) {
  return {
    id,
    object: 'event',
    type: 'checkout.session.completed',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        amount_total: amount,
        currency: 'eur',
        payment_status: 'paid',
        payment_intent: pi,
        client_reference_id: purchaseId,
        metadata: { purchase_id: purchaseId },
      },
    },
  };
}

function refundEvent(id: string, purchaseId: string, pi: string, amount: number) {
  return {
    id,
    object: 'event',
    type: 'charge.refunded',
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `ch_${id}`,
        object: 'charge',
        payment_intent: pi,
        amount_refunded: amount,
        refunded: true,
        metadata: { purchase_id: purchaseId },
      },
    },
  };
}

async function deliver(
  event: object,
  options: { ageSeconds?: number; edit?: (s: string) => string } = {},
) {
  const payload = JSON.stringify(event);
  const signature = await stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: SECRET,
    timestamp: Math.floor(Date.now() / 1000) - (options.ageSeconds ?? 0),
    cryptoProvider,
  });
  const res = await webhook(
    new Request('http://local/stripe-webhook', {
      method: 'POST',
      headers: { 'stripe-signature': signature, 'content-type': 'application/json' },
      body: options.edit ? options.edit(payload) : payload,
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const balance = () =>
  one<number>(
    db,
    `select coalesce(sum(balance), 0)::int from public.credit_balances where user_id = $1`,
    [BUYER],
  );
const eventCount = () => one<number>(db, `select count(*)::int from private.stripe_events`);

describe('checkout', () => {
  it('creates the session from the database price, discounted server-side, linked by metadata', async () => {
    const { status, body } = await buy({ productId: PACKAGE, discountCode: 'spring15' });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      amountMinor: 1692,
      currency: 'EUR',
      percentOff: 15,
      url: 'https://checkout.stripe.test/1',
    });
    const { params, idempotencyKey } = sessions.at(-1) ?? { params: {} };
    expect(params.mode).toBe('payment');
    expect(params.line_items?.[0]?.price_data).toMatchObject({
      currency: 'eur',
      unit_amount: 1692,
    });
    expect(params.metadata?.purchase_id).toBe(body.purchaseId);
    expect(params.client_reference_id).toBe(body.purchaseId);
    expect(params.payment_intent_data?.metadata?.purchase_id).toBe(body.purchaseId);
    expect(params.success_url).toMatch(
      /^https:\/\/app\.trackside\.test\/purchases\?checkout=success/,
    );
    expect(idempotencyKey).toBe(`checkout-${String(body.purchaseId)}`);
    expect(
      await one<string>(
        db,
        `select stripe_checkout_session_id from public.purchases where id = $1`,
        [body.purchaseId],
      ),
    ).toBe('cs_test_1');
  });

  it('ignores any price the client sends and refuses unknown fields', async () => {
    const { status, body } = await buy({ productId: PACKAGE, amountMinor: 1 });
    expect(status).toBe(400);
    expect((body.error as { code: string }).code).toBe('invalid_request');
  });

  it('refuses an invalid discount code (422) and an unknown product (404)', async () => {
    expect((await buy({ productId: PACKAGE, discountCode: 'NOPE123' })).status).toBe(422);
    expect((await buy({ productId: '00000000-0000-4000-b000-00000000dead' })).status).toBe(404);
  });

  it('sells a plan as a subscription', async () => {
    const { status } = await buy({ productId: PLAN });
    expect(status).toBe(200);
    const { params } = sessions.at(-1) ?? { params: {} };
    expect(params.mode).toBe('subscription');
    expect(params.line_items?.[0]?.price_data?.recurring).toEqual({ interval: 'month' });
    expect(params.subscription_data?.metadata?.purchase_id).toBeDefined();
  });
});

describe('checkout when Stripe or the discount says no', () => {
  it('answers 502 and cancels the purchase when Stripe refuses', async () => {
    const refusing = createCheckoutHandler({
      authenticate: async () => BUYER,
      rpc: sqlRpc(db),
      stripe: {
        checkout: {
          sessions: {
            create: async () => {
              throw new Error('Invalid API Key provided: sk_live_****1234');
            },
            retrieve: async () => {
              throw new Error('unused');
            },
            expire: async () => {
              throw new Error('unused');
            },
          },
        },
      },
      siteUrl: 'https://app.trackside.test',
    });
    const res = await refusing(
      new Request('http://local/checkout', {
        method: 'POST',
        headers: { authorization: 'Bearer any', 'content-type': 'application/json' },
        body: JSON.stringify({ productId: PACKAGE }),
      }),
    );
    expect(res.status).toBe(502);
    const text = await res.text();
    expect(text).not.toContain('sk_live');
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'payment_provider_error',
        message: 'The payment provider refused the checkout',
      },
    });
    expect(
      await one<string>(
        db,
        `select status from public.purchases order by created_at desc, id limit 1`,
      ),
    ).toBe('canceled');
  });

  it('refuses a checkout that leaves nothing to pay', async () => {
    await db.query(
      `insert into public.discount_codes (org_id, code, percent_off) select org_id, 'FREE100', 100 from public.products where id = $1`,
      [PACKAGE],
    );
    const { status, body } = await buy({ productId: PACKAGE, discountCode: 'FREE100' });
    expect(status).toBe(422);
    expect((body.error as { code: string }).code).toBe('nothing_to_pay');
  });
});

describe('stripe-webhook on the database', () => {
  it('records one purchase when the same event arrives three times at once', async () => {
    const { body } = await buy({ productId: PACKAGE });
    const purchaseId = String(body.purchaseId);
    const event = completedEvent('evt_triple', purchaseId, String(body.sessionId), 1990);
    const before = await balance();
    const results = await Promise.all([deliver(event), deliver(event), deliver(event)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results.map((r) => r.body.outcome).sort()).toEqual([
      'applied',
      'duplicate',
      'duplicate',
    ]);
    expect(
      await one<string>(db, `select status from public.purchases where id = $1`, [purchaseId]),
    ).toBe('paid');
    expect(
      await one<number>(
        db,
        `select count(*)::int from public.credit_ledger where purchase_id = $1`,
        [purchaseId],
      ),
    ).toBe(1);
    expect(await balance()).toBe(before + 10);
    expect(
      await one<number>(
        db,
        `select count(*)::int from private.stripe_events where id = 'evt_triple'`,
      ),
    ).toBe(1);
  });

  it('grants once when two different events report the same payment at once', async () => {
    const { body } = await buy({ productId: PACKAGE });
    const purchaseId = String(body.purchaseId);
    const completed = completedEvent(
      'evt_twin_a',
      purchaseId,
      String(body.sessionId),
      1990,
      'pi_twin',
    );
    const asyncSucceeded = {
      ...completedEvent('evt_twin_b', purchaseId, String(body.sessionId), 1990, 'pi_twin'),
      type: 'checkout.session.async_payment_succeeded',
    };
    const results = await Promise.all([deliver(completed), deliver(asyncSucceeded)]);
    expect(results.map((r) => r.body.outcome)).toEqual(['applied', 'applied']);
    expect(
      await one<number>(
        db,
        `select count(*)::int from public.credit_ledger where purchase_id = $1`,
        [purchaseId],
      ),
    ).toBe(1);
  });

  it('rejects a 301 s old signature and an edited body without writing, accepts 299 s', async () => {
    const { body } = await buy({ productId: PACKAGE });
    const event = completedEvent('evt_age', String(body.purchaseId), String(body.sessionId), 1990);
    const events = await eventCount();
    expect((await deliver(event, { ageSeconds: 301 })).status).toBe(400);
    expect(
      (
        await deliver(event, {
          edit: (s) => s.replace('"amount_total":1990', '"amount_total":1991'),
        })
      ).status,
    ).toBe(400);
    expect(await eventCount()).toBe(events);
    expect(
      await one<string>(db, `select status from public.purchases where id = $1`, [body.purchaseId]),
    ).toBe('pending');
    expect((await deliver(event, { ageSeconds: 299 })).status).toBe(200);
    expect(
      await one<string>(db, `select status from public.purchases where id = $1`, [body.purchaseId]),
    ).toBe('paid');
  });

  it('reverses the credits on a full refund, once', async () => {
    const { body } = await buy({ productId: PACKAGE });
    const purchaseId = String(body.purchaseId);
    await deliver(
      completedEvent('evt_r_paid', purchaseId, String(body.sessionId), 1990, 'pi_refund_me'),
    );
    const paid = await balance();
    const refund = refundEvent('evt_r_refund', purchaseId, 'pi_refund_me', 1990);
    expect((await deliver(refund)).body.outcome).toBe('applied');
    expect((await deliver(refund)).body.outcome).toBe('duplicate');
    expect(await balance()).toBe(paid - 10);
    expect(
      await one<string>(db, `select status from public.purchases where id = $1`, [purchaseId]),
    ).toBe('refunded');
  });

  it('ends in the same state when the refund overtakes the completion', async () => {
    const { body } = await buy({ productId: PACKAGE });
    const purchaseId = String(body.purchaseId);
    const before = await balance();
    await deliver(refundEvent('evt_o_refund', purchaseId, 'pi_out_of_order', 1990));
    await deliver(
      completedEvent('evt_o_paid', purchaseId, String(body.sessionId), 1990, 'pi_out_of_order'),
    );
    expect(
      await one<string>(db, `select status from public.purchases where id = $1`, [purchaseId]),
    ).toBe('refunded');
    expect(await balance()).toBe(before);
  });

  it('lets a payment failure never undo a payment, and a later success undo a failure', async () => {
    const first = await buy({ productId: PACKAGE });
    const id1 = String(first.body.purchaseId);
    await deliver(completedEvent('evt_f_paid', id1, String(first.body.sessionId), 1990, 'pi_f1'));
    const failed = (id: string, purchaseId: string, pi: string) => ({
      id,
      object: 'event',
      type: 'payment_intent.payment_failed',
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: pi,
          object: 'payment_intent',
          metadata: { purchase_id: purchaseId },
          last_payment_error: { message: 'declined' },
        },
      },
    });
    await deliver(failed('evt_f_late', id1, 'pi_f1'));
    expect(await one<string>(db, `select status from public.purchases where id = $1`, [id1])).toBe(
      'paid',
    );

    const second = await buy({ productId: PACKAGE });
    const id2 = String(second.body.purchaseId);
    await deliver(failed('evt_f_first', id2, 'pi_f2'));
    expect(await one<string>(db, `select status from public.purchases where id = $1`, [id2])).toBe(
      'failed',
    );
    await deliver(completedEvent('evt_f_retry', id2, String(second.body.sessionId), 1990, 'pi_f2'));
    expect(await one<string>(db, `select status from public.purchases where id = $1`, [id2])).toBe(
      'paid',
    );
  });

  it('keeps an amount mismatch as a rejected dead letter and answers 200', async () => {
    const { body } = await buy({ productId: PACKAGE });
    const res = await deliver(
      completedEvent('evt_mismatch', String(body.purchaseId), String(body.sessionId), 5),
    );
    expect(res).toEqual({ status: 200, body: { received: true, outcome: 'rejected' } });
    expect(
      await one<string>(db, `select status from public.purchases where id = $1`, [body.purchaseId]),
    ).toBe('pending');
    expect(
      await one<string>(db, `select note from private.stripe_events where id = 'evt_mismatch'`),
    ).toMatch(/amount/);
  });
});
