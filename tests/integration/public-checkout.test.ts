// A guest buys through the local stack as a browser would: the public page's form
// posts to public-checkout, which answers 303 to the (local) Checkout page; paying
// there delivers a signed event to the real stripe-webhook, which makes the guest
// an account, a member of the club, and grants the package's credits to it.
// Prices come only from the database; limits answer 429 with Retry-After; bad
// input is a 400 that writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  type LocalFunctions,
  createGatewayWithFunctions,
} from '../../supabase/local/local-functions.ts';
import { publicResponse } from '../../src/public-site/public-router.ts';
import { publicRoutes } from '../../src/public-site/public-routes.ts';

const SITE = 'http://127.0.0.1:47998';
const CLUB = 'd1000000-0000-4000-8000-000000000001';
const PACKAGE_8 = 'd7000000-0000-4000-8000-000000000001';
const BUNDLE = '94000000-0000-4000-8000-000000000001';

let db: Database;
let fns: LocalFunctions;
let api: string;
let ipCounter = 0;

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  api = await fns.gateway.listen(0);
  // the seed's «8 тренировок» listed, and the demo coach's bundle: 4 sessions of
  // their own plus one «8 тренировок» of the club
  await db.exec(`
    update public.products set listed = true where id = '${PACKAGE_8}';
    insert into public.products (id, org_id, coach_id, kind, name, price_minor, currency, credits, valid_days, listed)
    select '${BUNDLE}', '${CLUB}', u.id, 'package', 'Старт: 4 + 8', 1500000, 'RUB', 4, 90, true
      from auth.users u where u.email = 'coach@trackside.test';
    insert into public.package_items (org_id, package_id, product_id, quantity)
    values ('${CLUB}', '${BUNDLE}', '${PACKAGE_8}', 1);
  `);
});

afterAll(async () => {
  await fns?.close();
  await db?.close();
});

/** a fresh address per call unless one is given: each test meets only its own limits */
function post(fields: Record<string, string>, ip = `10.1.0.${++ipCounter}`) {
  return fetch(`${api}/functions/v1/public-checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
}

async function count(sql: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select (${sql})::int as n`);
  return Number(rows[0]?.n);
}

const written = () =>
  Promise.all([
    count('select count(*) from public.purchases'),
    count('select count(*) from private.purchase_guests'),
  ]);

describe('public checkout for guests', () => {
  it('a guest buys a bundle: account, membership and credits come with the signed webhook', async () => {
    const res = await post({
      productId: BUNDLE,
      email: 'New.Runner@example.com',
      name: 'Новый Бегун',
      discountCode: '',
      locale: 'en',
      website: '',
    });
    expect(res.status).toBe(303);
    const pay = new URL(res.headers.get('location') ?? '');
    expect(pay.pathname).toBe('/functions/v1/public-checkout/local/pay');
    const session = pay.searchParams.get('session') ?? '';

    // the pay page shows the database's price
    const page = await fetch(pay, { headers: { 'accept-language': 'en' } });
    expect(await page.text()).toContain('15,000.00');

    // nobody has the account yet; the purchase waits without one
    expect(
      await count(`select count(*) from auth.users where lower(email) = 'new.runner@example.com'`),
    ).toBe(0);
    const [pending] = (
      await db.query<{
        user_id: string | null;
        status: string;
        amount_minor: number;
        credits: number;
      }>(
        `select user_id, status, amount_minor, credits from public.purchases
          where stripe_checkout_session_id = $1`,
        [session],
      )
    ).rows;
    expect(pending).toEqual({
      user_id: null,
      status: 'pending',
      amount_minor: 1500000,
      credits: 12,
    });

    // the same email and product again: the same Checkout page
    const again = await post({
      productId: BUNDLE,
      email: 'new.runner@example.com',
      name: 'Новый Бегун',
    });
    expect(again.headers.get('location')).toBe(pay.toString());

    const paid = await fetch(`${api}/functions/v1/public-checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, outcome: 'paid' }),
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get('location')).toBe(
      `${SITE}/checkout/${BUNDLE}/paid?lang=en&session_id=${session}`,
    );

    const { rows } = await db.query<{
      status: string;
      role: string;
      balance: number;
      display_name: string;
      buyer_is_user: boolean;
    }>(
      `select p.status, m.role, b.balance, pr.display_name, p.user_id = u.id as buyer_is_user
         from auth.users u
         join public.purchases p on p.stripe_checkout_session_id = $1
         join public.memberships m on m.user_id = u.id and m.org_id = p.org_id and m.left_at is null
         join public.credit_balances b on b.user_id = u.id and b.org_id = p.org_id
         join public.profiles pr on pr.id = u.id
        where lower(u.email) = 'new.runner@example.com'`,
      [session],
    );
    expect(rows).toEqual([
      {
        status: 'paid',
        role: 'member',
        balance: 12,
        display_name: 'Новый Бегун',
        buyer_is_user: true,
      },
    ]);
    expect(
      await count(`select count(*) from private.email_outbox e join auth.users u on u.id = e.user_id
                    where e.kind = 'purchase_confirmation' and e.locale = 'en' and lower(u.email) = 'new.runner@example.com'`),
    ).toBe(1);
    // no password was set: they sign in by link
    expect(
      await count(`select count(*) from auth.users where lower(email) = 'new.runner@example.com'
                     and coalesce(encrypted_password, '') = ''`),
    ).toBe(1);
    // and their confirmation says how (email-dispatch adds the /sign-in?email= link)
    expect(
      await count(`select count(*) from private.email_outbox e join auth.users u on u.id = e.user_id
                    where e.kind = 'purchase_confirmation' and (e.payload ->> 'needsSignIn')::boolean
                      and lower(u.email) = 'new.runner@example.com'`),
    ).toBe(1);
  });

  it('a guest whose email already has an account gets the credits on it, and keeps their role', async () => {
    const res = await post({
      productId: PACKAGE_8,
      email: 'athlete@trackside.test',
      name: 'Кто-то',
    });
    const session = new URL(res.headers.get('location') ?? '').searchParams.get('session') ?? '';
    const before = await count(`select coalesce(sum(b.balance), 0) from public.credit_balances b
      join auth.users u on u.id = b.user_id where u.email = 'athlete@trackside.test'`);
    const users = await count('select count(*) from auth.users');
    const paid = await fetch(`${api}/functions/v1/public-checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ session, outcome: 'paid' }),
    });
    expect(paid.status).toBe(200);
    expect(await count('select count(*) from auth.users')).toBe(users);
    expect(
      await count(`select coalesce(sum(b.balance), 0) from public.credit_balances b
        join auth.users u on u.id = b.user_id where u.email = 'athlete@trackside.test'`),
    ).toBe(before + 8);
    const { rows } = await db.query<{ role: string }>(
      `select m.role from public.memberships m join auth.users u on u.id = m.user_id
        where u.email = 'athlete@trackside.test' and m.org_id = '${CLUB}'`,
    );
    expect(rows).toEqual([{ role: 'athlete' }]);
    // an account with a password is not told how to sign in
    expect(
      await count(`select count(*) from private.email_outbox e join auth.users u on u.id = e.user_id
                    where e.kind = 'purchase_confirmation' and e.payload ? 'needsSignIn'
                      and u.email = 'athlete@trackside.test'`),
    ).toBe(0);
  });

  it('the price is the database’s: a price in the request is refused and writes nothing', async () => {
    const before = await written();
    const res = await fetch(`${api}/functions/v1/public-checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.2.0.1' },
      body: JSON.stringify({
        productId: PACKAGE_8,
        email: 'cheap@example.com',
        name: 'Cheap',
        amountMinor: 100,
      }),
    });
    expect(res.status).toBe(400);
    expect(await written()).toEqual(before);

    const ok = await fetch(`${api}/functions/v1/public-checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.2.0.2' },
      body: JSON.stringify({ productId: PACKAGE_8, email: 'cheap@example.com', name: 'Cheap' }),
    });
    const body = (await ok.json()) as { purchaseId: string };
    expect(
      await count(`select amount_minor from public.purchases where id = '${body.purchaseId}'`),
    ).toBe(640000);
  });

  it('bad input is a 400 that writes nothing; a filled honeypot writes nothing either', async () => {
    const before = await written();
    const limits = await count('select count(*) from private.rate_limits');
    const bad: Record<string, string>[] = [
      { productId: PACKAGE_8, email: 'not-an-email', name: 'X' },
      { productId: PACKAGE_8, email: 'a@example.com', name: '' },
      { productId: 'nope', email: 'a@example.com', name: 'X' },
      { productId: PACKAGE_8, email: 'a@example.com', name: 'X', discountCode: 'x' },
    ];
    for (const fields of bad) {
      expect((await post(fields)).status).toBe(400);
    }
    const bot = await post({
      productId: PACKAGE_8,
      email: 'bot@example.com',
      name: 'Bot',
      website: 'http://spam',
    });
    expect(bot.status).toBe(303);
    expect(bot.headers.get('location')).toBe(`${SITE}/checkout/${PACKAGE_8}`);
    expect(await written()).toEqual(before);
    expect(await count('select count(*) from private.rate_limits')).toBe(limits);
  });

  it('a page mistake goes back to the page with its reason', async () => {
    const res = await post({
      productId: PACKAGE_8,
      email: 'code@example.com',
      name: 'X',
      discountCode: 'NOPE99',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `${SITE}/checkout/${PACKAGE_8}?error=invalid_discount_code`,
    );
    const unlisted = await post({
      productId: 'd7000000-0000-4000-8000-000000000002',
      email: 'code@example.com',
      name: 'X',
    });
    expect(unlisted.headers.get('location')).toBe(
      `${SITE}/checkout/d7000000-0000-4000-8000-000000000002?error=product_not_found`,
    );
  });

  it('limits per address and per email answer 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const res = await post(
        { productId: PACKAGE_8, email: `ip${i}@example.com`, name: 'X' },
        '10.9.9.9',
      );
      statuses.push(res.status);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 303)).toBe(true);
    expect(statuses[10]).toBe(429);

    const byEmail: Response[] = [];
    for (let i = 0; i < 6; i += 1) {
      byEmail.push(await post({ productId: PACKAGE_8, email: 'same@example.com', name: 'X' }));
    }
    expect(byEmail.map((r) => r.status)).toEqual([303, 303, 303, 303, 303, 429]);
    expect(Number(byEmail[5]?.headers.get('retry-after'))).toBeGreaterThan(3000);
    // the first five were one checkout, offered again: one purchase only
    expect(
      await count(`select count(*) from private.purchase_guests where email = 'same@example.com'`),
    ).toBe(1);
  });

  it('the page shows the offer to anyone, in their language, and 404 when it is not on sale', async () => {
    const ctx = {
      supabaseUrl: api,
      anonKey: fns.gateway.anonKey,
      siteUrl: SITE,
      fetch,
      now: () => new Date(0),
    };
    const page = await publicResponse(
      new Request(`${SITE}/checkout/${BUNDLE}`, {
        headers: { 'accept-language': 'en-US,en;q=0.9' },
      }),
      ctx,
      publicRoutes,
    );
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = (await page?.text()) ?? '';
    expect(html).toContain('<h1 id="product">Старт: 4 + 8</h1>');
    expect(html).toContain('<li>12 sessions</li><li>8 тренировок</li>');
    expect(html).toContain('Valid for 90 days from payment');
    expect(html).toContain(`action="${api}/functions/v1/public-checkout"`);
    expect(html).toContain('name="website"');

    const ru = await publicResponse(
      new Request(`${SITE}/checkout/${PACKAGE_8}?error=invalid_discount_code`),
      ctx,
      publicRoutes,
    );
    const ruHtml = (await ru?.text()) ?? '';
    expect(ruHtml).toContain('<html lang="ru">');
    expect(ruHtml).toContain('role="alert">Такого кода скидки нет');
    expect(ru?.headers.get('cache-control')).toBe('no-store');

    const gone = await publicResponse(
      new Request(`${SITE}/checkout/d7000000-0000-4000-8000-000000000002`),
      ctx,
      publicRoutes,
    );
    expect(gone?.status).toBe(404);
  });
});
