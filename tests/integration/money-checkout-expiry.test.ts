// An abandoned checkout ends: Stripe's checkout.session.expired (signed, verified by
// the real handler) expires the purchase; the buyer resumes the same session while
// it is open or cancels it, and cancelling expires the session at Stripe first, so
// no late payment can land; the sweep expires what no webhook reported.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckoutSessionState,
  createCheckoutHandler,
} from '../../supabase/functions/checkout/handler.ts';
import { createStripeWebhookHandler } from '../../supabase/functions/stripe-webhook/handler.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { sqlRpc } from '../../supabase/local/db/sql-rpc.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { COACH_A, PACKAGE, one, seedMoney } from './money-fixtures.ts';

const SECRET = 'whsec_money_expiry';
const stripe = new Stripe('sk_test_expiry');
const cryptoProvider = Stripe.createSubtleCryptoProvider();

/** Stripe's sessions as the fake keeps them; `expired` lists the expire calls */
const stripeSessions = new Map<string, CheckoutSessionState>();
const expireCalls: string[] = [];
let created = 0;

let db: Database;
let checkout: (req: Request) => Promise<Response>;
let webhook: (req: Request) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedMoney(db);
  const rpc = sqlRpc(db);
  checkout = createCheckoutHandler({
    authenticate: async (token) =>
      token === 'buyer-token'
        ? '00000000-0000-4000-8000-0000000000a3'
        : token === 'coach-token'
          ? COACH_A
          : null,
    rpc,
    stripe: {
      checkout: {
        sessions: {
          create: async () => {
            created += 1;
            const id = `cs_exp_${created}`;
            const state = { id, url: `https://checkout.stripe.test/${id}`, status: 'open' };
            stripeSessions.set(id, state);
            return state;
          },
          retrieve: async (id) => {
            const s = stripeSessions.get(id);
            if (!s)
              throw Object.assign(new Error('No such session'), {
                statusCode: 404,
                code: 'resource_missing',
              });
            return { ...s };
          },
          expire: async (id) => {
            expireCalls.push(id);
            const s = stripeSessions.get(id);
            if (!s || s.status !== 'open') throw new Error('Only open sessions can be expired');
            s.status = 'expired';
            s.url = null;
            return { ...s };
          },
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

async function call(body: Record<string, unknown>, token = 'buyer-token') {
  const res = await checkout(
    new Request('http://local/checkout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function buy() {
  const { status, body } = await call({ productId: PACKAGE });
  expect(status).toBe(200);
  return { purchaseId: String(body.purchaseId), sessionId: String(body.sessionId) };
}

function sessionEvent(id: string, type: string, purchaseId: string, sessionId: string) {
  return {
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: sessionId,
        object: 'checkout.session',
        amount_total: 1990,
        currency: 'eur',
        payment_status: type === 'checkout.session.completed' ? 'paid' : 'unpaid',
        status: type === 'checkout.session.completed' ? 'complete' : 'expired',
        payment_intent: type === 'checkout.session.completed' ? `pi_${id}` : null,
        client_reference_id: purchaseId,
        metadata: { purchase_id: purchaseId },
      },
    },
  };
}

async function deliver(event: object, options: { edit?: (s: string) => string } = {}) {
  const payload = JSON.stringify(event);
  const signature = await stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: SECRET,
    timestamp: Math.floor(Date.now() / 1000),
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

const statusOf = (purchaseId: string) =>
  one<string>(db, `select status from public.purchases where id = $1`, [purchaseId]);

describe('checkout.session.expired', () => {
  it('expires a pending purchase once, verified like every event', async () => {
    const { purchaseId, sessionId } = await buy();
    const event = sessionEvent('evt_exp_1', 'checkout.session.expired', purchaseId, sessionId);

    const forged = await deliver(event, { edit: (s) => s.replace('unpaid', 'paid!!') });
    expect(forged.status).toBe(400);
    expect(await statusOf(purchaseId)).toBe('pending');

    expect((await deliver(event)).body.outcome).toBe('applied');
    expect(await statusOf(purchaseId)).toBe('expired');
    expect((await deliver(event)).body.outcome).toBe('duplicate');
  });

  it('never undoes a payment', async () => {
    const { purchaseId, sessionId } = await buy();
    await deliver(
      sessionEvent('evt_exp_paid', 'checkout.session.completed', purchaseId, sessionId),
    );
    await deliver(sessionEvent('evt_exp_late', 'checkout.session.expired', purchaseId, sessionId));
    expect(await statusOf(purchaseId)).toBe('paid');
  });
});

describe('resume and cancel', () => {
  it('resumes the same open session, and only the buyer may', async () => {
    const { purchaseId, sessionId } = await buy();
    const resumed = await call({ action: 'resume', purchaseId });
    expect(resumed.status).toBe(200);
    expect(resumed.body.url).toBe(`https://checkout.stripe.test/${sessionId}`);

    const stranger = await call({ action: 'resume', purchaseId }, 'coach-token');
    expect(stranger.status).toBe(404);
    expect((await call({ action: 'cancel', purchaseId }, 'coach-token')).status).toBe(404);
    expect(await statusOf(purchaseId)).toBe('pending');
  });

  it('expires the purchase when Stripe has expired the session', async () => {
    const { purchaseId, sessionId } = await buy();
    const s = stripeSessions.get(sessionId);
    if (s) s.status = 'expired';
    const resumed = await call({ action: 'resume', purchaseId });
    expect(resumed.status).toBe(410);
    expect(resumed.body.error).toMatchObject({ code: 'checkout_expired' });
    expect(await statusOf(purchaseId)).toBe('expired');
  });

  it('cancels: Stripe expires the session first, so a late payment cannot land', async () => {
    const { purchaseId, sessionId } = await buy();
    const canceled = await call({ action: 'cancel', purchaseId });
    expect(canceled.status).toBe(200);
    expect(canceled.body.status).toBe('canceled');
    expect(expireCalls).toContain(sessionId);
    expect(stripeSessions.get(sessionId)?.status).toBe('expired');
    expect(await statusOf(purchaseId)).toBe('canceled');

    // Stripe then reports the expiry it was asked for: the buyer's word stands
    await deliver(
      sessionEvent('evt_exp_after_cancel', 'checkout.session.expired', purchaseId, sessionId),
    );
    expect(await statusOf(purchaseId)).toBe('canceled');

    const again = await call({ action: 'resume', purchaseId });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'not_pending' });
  });

  it('refuses to cancel a checkout Stripe has already taken payment for', async () => {
    const { purchaseId, sessionId } = await buy();
    const s = stripeSessions.get(sessionId);
    if (s) s.status = 'complete';
    const canceled = await call({ action: 'cancel', purchaseId });
    expect(canceled.status).toBe(409);
    expect(canceled.body.error).toMatchObject({ code: 'checkout_complete' });
    expect(await statusOf(purchaseId)).toBe('pending');
  });

  it('cancels a purchase whose session Stripe no longer knows', async () => {
    const { purchaseId, sessionId } = await buy();
    stripeSessions.delete(sessionId);
    expect((await call({ action: 'cancel', purchaseId })).status).toBe(200);
    expect(await statusOf(purchaseId)).toBe('canceled');
  });

  it('refuses a malformed request without writing', async () => {
    const res = await call({ action: 'refund', purchaseId: 'x' });
    expect(res.status).toBe(400);
  });
});

describe('the sweep', () => {
  it('expires pending purchases older than a checkout session (24 h), nothing else', async () => {
    const old = await buy();
    const young = await buy();
    const paid = await buy();
    await deliver(
      sessionEvent('evt_sweep_paid', 'checkout.session.completed', paid.purchaseId, paid.sessionId),
    );
    // created_at is kept by the row stamp: age the rows with it off
    await db.exec('alter table public.purchases disable trigger purchases_stamp');
    await db.query(
      `update public.purchases set created_at = now() - interval '25 hours' where id = any($1::uuid[])`,
      [[old.purchaseId, paid.purchaseId]],
    );
    await db.query(
      `update public.purchases set created_at = now() - interval '23 hours' where id = $1`,
      [young.purchaseId],
    );
    await db.exec('alter table public.purchases enable trigger purchases_stamp');
    const swept = await one<number>(db, `select private.expire_stale_purchases()`);
    expect(swept).toBe(1);
    expect(await statusOf(old.purchaseId)).toBe('expired');
    expect(await statusOf(young.purchaseId)).toBe('pending');
    expect(await statusOf(paid.purchaseId)).toBe('paid');
  });
});
