// The Edge Functions as `npm start` and the end-to-end stack serve them
// (supabase/local/local-functions.ts): verify_jwt from supabase/config.toml,
// SITE_URL for checkout's return pages, the demo Moyklass answering with the key
// the seed stores server-side, and the outbox drained by the local dispatcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { DEMO_MOYKLASS_API_KEY, demoSubscriptions } from '../../supabase/local/demo-moyklass.ts';
import {
  type LocalFunctions,
  createGatewayWithFunctions,
} from '../../supabase/local/local-functions.ts';

let db: Database;
let fns: LocalFunctions;
let api: string;
const SITE = 'http://127.0.0.1:47999';

beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  fns = await createGatewayWithFunctions({ db, siteUrl: SITE, log: () => undefined });
  api = await fns.gateway.listen(0);
});

afterAll(async () => {
  await fns?.close();
  await db?.close();
});

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${api}/auth/v1/token?grant_type=password`, {
    method: 'POST',
    headers: { apikey: fns.gateway.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'trackside-demo' }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('the local stack’s Edge Functions', () => {
  it('apply verify_jwt from config.toml: the proxy needs a JWT, checkout’s pay page none', async () => {
    const proxy = await fetch(`${api}/functions/v1/moyklass-proxy`, { method: 'POST' });
    expect(proxy.status).toBe(401);
    expect(await proxy.json()).toEqual({ msg: 'Error: Missing authorization header' });
    const pay = await fetch(`${api}/functions/v1/checkout/local/pay?session=cs_local_none`);
    expect(pay.status).toBe(404);
    expect(await pay.json()).toMatchObject({ error: { message: 'No such checkout session' } });
  });

  it('send the buyer back to SITE_URL, and the seed’s Moyklass key opens the demo Moyklass', async () => {
    const athlete = await signIn('athlete@trackside.test');
    const checkout = await fetch(`${api}/functions/v1/checkout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${athlete}`, 'content-type': 'application/json' },
      body: JSON.stringify({ productId: 'd7000000-0000-4000-8000-000000000003' }),
    });
    const { url } = (await checkout.json()) as { url: string };
    const session = new URL(url).searchParams.get('session') ?? '';
    const paid = await fetch(`${api}/functions/v1/checkout/local/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session, outcome: 'paid' }),
      redirect: 'manual',
    });
    expect(paid.headers.get('location')).toBe(
      `${SITE}/purchases?checkout=success&session_id=${session}`,
    );

    const stored = await db.query<{ api_key: string }>(
      `select api_key from private.moyklass_credentials
        where org_id = 'd1000000-0000-4000-8000-000000000001'`,
    );
    expect(stored.rows).toEqual([{ api_key: DEMO_MOYKLASS_API_KEY }]);
    const coach = await signIn('coach@trackside.test');
    // the seed's season, with the demo Moyklass's subscriptions dated from the same
    // instant (both date their rows from the day they run)
    const seeded = await db.query<{ season: string; at: Date }>(
      `select g.season, u.created_at as at from public.training_groups g, auth.users u
        where g.id = 'd2000000-0000-4000-8000-000000000001' and u.email = 'admin@trackside.test'`,
    );
    const season = seeded.rows[0]?.season;
    const demo = fns.moyklass?.fake;
    if (demo) demo.subscriptions = demoSubscriptions(new Date(seeded.rows[0]?.at ?? 0).getTime());
    const proxy = await fetch(`${api}/functions/v1/moyklass-proxy`, {
      method: 'POST',
      headers: { authorization: `Bearer ${coach}`, 'content-type': 'application/json' },
      body: JSON.stringify({ orgId: 'd1000000-0000-4000-8000-000000000001', season }),
    });
    expect(proxy.status).toBe(200);
    const body = (await proxy.json()) as { athletes: { moyklassUserId: number }[] };
    expect(body.athletes.map((a) => a.moyklassUserId)).toEqual(
      expect.arrayContaining([1002301, 1002302, 1002304, 1002306, 1002308]),
    );
    // nothing in the answer is the key
    expect(JSON.stringify(body)).not.toContain(DEMO_MOYKLASS_API_KEY);
  });

  it('drain the outbox through email-dispatch with the service key', async () => {
    expect(await fns.dispatchEmails()).toMatchObject({ status: 200, body: { sent: 1 } });
    expect(await fns.dispatchEmails()).toMatchObject({ status: 200, body: { claimed: 0 } });
  });
});
