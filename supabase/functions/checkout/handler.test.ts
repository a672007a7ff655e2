import { describe, expect, it } from 'vitest';
import { RpcError, type Rpc } from '../_shared/rpc.ts';
import {
  type CheckoutSessionParams,
  type StripeCheckout,
  createCheckoutHandler,
} from './handler.ts';

const USER = '00000000-0000-4000-8000-0000000000a1';
const CLUB = 'fa100000-0000-4000-8000-000000000003';
const SELLER = 'd1000000-0000-4000-8000-000000000001';
const PRODUCT = 'a7300000-0000-4000-8000-000000000001';
const PURCHASE = '00000000-0000-4000-b000-0000000000bb';

const prepared = {
  purchaseId: PURCHASE,
  orgId: SELLER,
  productId: PRODUCT,
  kind: 'plan',
  name: 'План «База: 8 недель»',
  description: null,
  amountMinor: 6_525_000,
  listPriceMinor: 290_000,
  currency: 'RUB',
  percentOff: 10,
  memberPrice: false,
  billingInterval: null,
  credits: null,
  validDays: null,
  clubId: CLUB,
  seats: 25,
  perSeatMinor: 261_000,
};

function setup(rpcImpl?: Rpc, refuse = false) {
  const calls: { fn: string; args: Record<string, unknown> }[] = [];
  const sessions: { params: CheckoutSessionParams; key?: string }[] = [];
  const rpc: Rpc = async (fn, args) => {
    calls.push({ fn, args });
    if (rpcImpl) return rpcImpl(fn, args);
    return fn === 'seat_pool_checkout_prepare' ? prepared : null;
  };
  const stripe: StripeCheckout = {
    checkout: {
      sessions: {
        create: async (params, options) => {
          if (refuse) throw new Error('card_declined');
          sessions.push({
            params,
            ...(options?.idempotencyKey ? { key: options.idempotencyKey } : {}),
          });
          return { id: 'cs_test_seats', url: 'https://checkout.stripe.test/cs_test_seats' };
        },
        retrieve: () => Promise.reject(new Error('not used')),
        expire: () => Promise.reject(new Error('not used')),
      },
    },
  };
  const handler = createCheckoutHandler({
    rpc,
    stripe,
    siteUrl: 'https://app.trackside.test/',
    authenticate: async (token) => (token === 'good' ? USER : null),
  });
  const post = (body: unknown, token = 'good') =>
    handler(
      new Request('http://local/functions/v1/checkout', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );
  return { calls, sessions, post };
}

const seats = { action: 'seats', clubId: CLUB, productId: PRODUCT, seats: 25 };

describe('checkout: a club buys seats', () => {
  it('prepares the pool purchase in the database and pays seats × the price of one, once', async () => {
    const { calls, sessions, post } = setup();
    const res = await post(seats);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      url: 'https://checkout.stripe.test/cs_test_seats',
      purchaseId: PURCHASE,
      sessionId: 'cs_test_seats',
      amountMinor: 6_525_000,
      currency: 'RUB',
      percentOff: 10,
      seats: 25,
      perSeatMinor: 261_000,
    });
    expect(calls).toEqual([
      {
        fn: 'seat_pool_checkout_prepare',
        args: { p_user: USER, p_club: CLUB, p_product: PRODUCT, p_seats: 25 },
      },
      { fn: 'checkout_attach', args: { p_purchase: PURCHASE, p_session_id: 'cs_test_seats' } },
    ]);
    expect(sessions).toHaveLength(1);
    const [first] = sessions;
    if (!first) throw new Error('no session');
    const { params, key } = first;
    expect(key).toBe(`checkout-${PURCHASE}`);
    expect(params.mode).toBe('payment');
    expect(params.line_items).toEqual([
      {
        quantity: 25,
        price_data: {
          currency: 'rub',
          unit_amount: 261_000,
          product_data: { name: 'План «База: 8 недель»' },
        },
      },
    ]);
    expect(params.metadata).toMatchObject({ purchase_id: PURCHASE, club_id: CLUB, seats: '25' });
    expect(params.success_url).toBe(
      `https://app.trackside.test/org/${CLUB}/seats?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    );
    expect(params.cancel_url).toBe(
      `https://app.trackside.test/org/${CLUB}/seats?checkout=canceled`,
    );
  });

  it('refuses a bad request before the database: seat counts, ids, extra fields', async () => {
    const { calls, post } = setup();
    for (const body of [
      { ...seats, seats: 0 },
      { ...seats, seats: 10_001 },
      { ...seats, seats: 2.5 },
      { ...seats, seats: '25' },
      { ...seats, clubId: 'club' },
      { ...seats, successPath: '/elsewhere' },
      { action: 'seats', clubId: CLUB, seats: 25 },
    ]) {
      expect((await post(body)).status).toBe(400);
    }
    expect((await post(seats, 'bad')).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('answers the database refusals: not an admin, flag off, not a plan, own product', async () => {
    const refusals: [RpcError, number, string][] = [
      [new RpcError('42501', 'only the club admins', null, false), 403, 'forbidden'],
      [new RpcError('42501', 'off', 'feature_disabled', false), 403, 'feature_disabled'],
      [new RpcError('22023', 'not a plan', 'not_a_plan', false), 422, 'not_a_plan'],
      [new RpcError('22023', 'own', 'own_product', false), 422, 'own_product'],
      [new RpcError('P0002', 'off sale', 'product_not_found', false), 404, 'product_not_found'],
    ];
    for (const [error, status, code] of refusals) {
      const { sessions, post } = setup(async () => {
        throw error;
      });
      const res = await post(seats);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      expect(sessions).toEqual([]);
    }
  });

  it('a refused payment page leaves the purchase without a session (502)', async () => {
    const { calls, post } = setup(undefined, true);
    const res = await post(seats);
    expect(res.status).toBe(502);
    expect(calls.at(-1)).toEqual({
      fn: 'checkout_attach',
      args: { p_purchase: PURCHASE, p_session_id: null },
    });
  });
});
