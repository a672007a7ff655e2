// The whole purchase path in the local stack, over HTTP with the real supabase-js
// client: checkout (local test checkout) → a signed event POSTed to the real
// /functions/v1/stripe-webhook → the webhook's RPC through /rest/v1 → the buyer
// reads the paid purchase and the credits back through RLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EdgeContext } from '../../supabase/functions/_shared/edge-handler.ts';
import checkoutLocal from '../../supabase/local/functions/checkout.ts';
import emailLocal from '../../supabase/local/functions/email-dispatch.ts';
import moyklassLocal from '../../supabase/local/functions/moyklass-proxy.ts';
import webhookLocal from '../../supabase/local/functions/stripe-webhook.ts';
import { type Harness, startGateway } from './gateway-harness.ts';
import { ORG_A, PACKAGE, one, seedMoney } from './money-fixtures.ts';

let h: Harness;
let buyerToken: string;
let buyerId: string;

beforeAll(async () => {
  const registration: EdgeContext = { env: () => undefined };
  h = await startGateway({
    functions: {
      checkout: await checkoutLocal(registration),
      'stripe-webhook': await webhookLocal(registration),
      'moyklass-proxy': await moyklassLocal(registration),
      'email-dispatch': await emailLocal(registration),
    },
    functionsVerifyJwt: { 'stripe-webhook': false, checkout: false },
  });
  await seedMoney(h.db);
  const signUp = await h
    .client()
    .auth.signUp({ email: 'e2e-buyer@money.test', password: 'a-long-password-1' });
  if (signUp.error || !signUp.data.session || !signUp.data.user)
    throw signUp.error ?? new Error('no session');
  buyerToken = signUp.data.session.access_token;
  buyerId = signUp.data.user.id;
  await h.db.query(
    `insert into public.memberships (org_id, user_id, role) values ($1, $2, 'athlete')`,
    [ORG_A, buyerId],
  );
});

afterAll(async () => {
  await h?.close();
});

const asBuyer = () => h.client(h.anonKey, { authorization: `Bearer ${buyerToken}` });

describe('local purchase path', () => {
  it('pays through the local checkout and the real webhook, then shows the credits', async () => {
    const invoked = await asBuyer().functions.invoke<{
      url: string;
      purchaseId: string;
      amountMinor: number;
    }>('checkout', { body: { productId: PACKAGE, discountCode: 'SPRING15' } });
    expect(invoked.error).toBeNull();
    const { url, purchaseId, amountMinor } = invoked.data ?? {
      url: '',
      purchaseId: '',
      amountMinor: 0,
    };
    expect(amountMinor).toBe(1692);
    expect(url.startsWith(`${h.url}/functions/v1/checkout/local/pay?session=cs_local_`)).toBe(true);

    // the pay page names the item and the amount, in the browser's language
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const ru = (await page.text()).replace(/[\u00a0\u202f]/g, ' ');
    expect(ru).toContain('<html lang="ru">');
    expect(ru).toContain('10 sessions');
    expect(ru).toContain('16,92 €');
    const en = await fetch(url, { headers: { 'accept-language': 'en-US,en;q=0.9,ru;q=0.5' } });
    const english = await en.text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('€16.92');
    expect(english).toContain('>Pay<');

    const session = new URL(url).searchParams.get('session');
    const paid = await fetch(`${h.url}/functions/v1/checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session: String(session), outcome: 'paid' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toContain(`session_id=${String(session)}`);

    const purchases = await asBuyer().from('purchases').select('id, status, amount_minor');
    expect(purchases.error).toBeNull();
    expect(purchases.data).toEqual([{ id: purchaseId, status: 'paid', amount_minor: 1692 }]);
    const balances = await asBuyer().from('credit_balances').select('balance');
    expect(balances.data).toEqual([{ balance: 10 }]);
    expect(await one<number>(h.db, `select count(*)::int from private.stripe_events`)).toBe(1);

    // a second completion of the same session is refused; nothing changes
    const again = await fetch(`${h.url}/functions/v1/checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session, outcome: 'paid' }),
    });
    expect(again.status).toBe(409);
  });

  it('sends the purchase confirmation to the local mailbox', async () => {
    const auth = { authorization: `Bearer ${h.serviceKey}`, apikey: h.serviceKey };
    const refused = await fetch(`${h.url}/functions/v1/email-dispatch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${buyerToken}` },
    });
    expect(refused.status).toBe(401);
    const dispatched = await fetch(`${h.url}/functions/v1/email-dispatch`, {
      method: 'POST',
      headers: auth,
    });
    expect(await dispatched.json()).toMatchObject({ sent: 1, failed: 0 });
    const mailbox = await fetch(`${h.url}/functions/v1/email-dispatch/local/mailbox`, {
      headers: auth,
    });
    const { messages } = (await mailbox.json()) as { messages: { to: string; subject: string }[] };
    expect(messages.map((m) => [m.to, m.subject])).toEqual([
      ['e2e-buyer@money.test', 'Оплата получена'],
    ]);
  });

  it('records a declined card as a failed purchase', async () => {
    const invoked = await asBuyer().functions.invoke<{ url: string; purchaseId: string }>(
      'checkout',
      {
        body: { productId: PACKAGE },
      },
    );
    const session = new URL(invoked.data?.url ?? 'http://x').searchParams.get('session');
    const res = await fetch(`${h.url}/functions/v1/checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session, outcome: 'failed' }),
    });
    expect(res.status).toBe(200);
    const row = await asBuyer()
      .from('purchases')
      .select('status')
      .eq('id', invoked.data?.purchaseId ?? '');
    expect(row.data).toEqual([{ status: 'failed' }]);
  });

  it('resumes the same session, then cancels it: Stripe expires it and it takes no payment', async () => {
    const invoked = await asBuyer().functions.invoke<{ url: string; purchaseId: string }>(
      'checkout',
      { body: { productId: PACKAGE } },
    );
    const { url, purchaseId } = invoked.data ?? { url: '', purchaseId: '' };
    const resumed = await asBuyer().functions.invoke<{ url: string }>('checkout', {
      body: { action: 'resume', purchaseId },
    });
    expect(resumed.data?.url).toBe(url);

    const canceled = await asBuyer().functions.invoke<{ status: string }>('checkout', {
      body: { action: 'cancel', purchaseId },
    });
    expect(canceled.data).toEqual({ purchaseId, status: 'canceled' });
    const row = await asBuyer().from('purchases').select('status').eq('id', purchaseId);
    expect(row.data).toEqual([{ status: 'canceled' }]);
    // the stand-in sent Stripe's checkout.session.expired through the real webhook
    expect(
      await one<number>(
        h.db,
        `select count(*)::int from private.stripe_events
          where type = 'checkout.session.expired' and purchase_id = $1`,
        [purchaseId],
      ),
    ).toBe(1);

    // the old page is closed and a late payment is refused
    const page = await fetch(url);
    expect(page.status).toBe(410);
    const session = new URL(url).searchParams.get('session');
    const late = await fetch(`${h.url}/functions/v1/checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session, outcome: 'paid' }),
    });
    expect(late.status).toBe(410);
    expect((await asBuyer().from('purchases').select('status').eq('id', purchaseId)).data).toEqual([
      { status: 'canceled' },
    ]);
  });

  it('refuses checkout without a signed-in user, and a forged webhook', async () => {
    const anon = await fetch(`${h.url}/functions/v1/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', apikey: h.anonKey },
      body: JSON.stringify({ productId: PACKAGE }),
    });
    expect(anon.status).toBe(401);
    expect(await anon.json()).toEqual({
      error: { code: 'unauthorized', message: 'Sign in first' },
    });
    const forged = await fetch(`${h.url}/functions/v1/stripe-webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: JSON.stringify({ id: 'evt_forged', type: 'checkout.session.completed' }),
    });
    expect(forged.status).toBe(400);
  });

  it('serves moyklass-proxy behind the gateway’s JWT check', async () => {
    const anon = await fetch(`${h.url}/functions/v1/moyklass-proxy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ orgId: ORG_A, season: '2025-2026' }),
    });
    expect(anon.status).toBe(401);
    const athlete = await asBuyer().functions.invoke('moyklass-proxy', {
      body: { orgId: ORG_A, season: '2025-2026' },
    });
    expect((athlete.error as { context?: Response } | null)?.context?.status).toBe(403);
  });
});
