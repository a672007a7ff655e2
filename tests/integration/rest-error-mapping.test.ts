// Every PostgREST error mapping the issue lists, through supabase-js, with the
// body shape {code, details, hint, message}.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayFixtureSql } from './gateway-fixtures.ts';
import { type Harness, rawFetch, startGateway } from './gateway-harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startGateway();
  await h.db.exec(gatewayFixtureSql);
  await h.db.exec(`
    insert into public.gw_categories values ('relay', 'Relay');
    insert into public.gw_products values (1, 'BATON', 'relay', 10);
  `);
});
afterAll(async () => {
  await h?.close();
});

async function signedIn(email: string) {
  const c = h.client();
  const { data, error } = await c.auth.signUp({ email, password: 'mapping-password' });
  if (error) throw error;
  return { client: c, id: data.user?.id as string };
}

describe('error mapping', () => {
  it('42501 → 401 for anon, with the Postgres message', async () => {
    const { error, status } = await h.client().from('gw_private').select('*');
    expect(status).toBe(401);
    expect(error).toMatchObject({
      code: '42501',
      message: 'permission denied for table gw_private',
    });
  });

  it('42501 → 403 for an authenticated user (RLS refuses the row)', async () => {
    const { client } = await signedIn('rls@example.test');
    const { error, status } = await client
      .from('gw_private')
      .insert({ id: 1, owner: '00000000-0000-4000-8000-000000000000', note: 'not mine' });
    expect(status).toBe(403);
    expect(error).toMatchObject({
      code: '42501',
      message: 'new row violates row-level security policy for table "gw_private"',
    });
  });

  it('RLS lets the owner write and read their own row only', async () => {
    const a = await signedIn('owner-a@example.test');
    const b = await signedIn('owner-b@example.test');
    expect((await a.client.from('gw_private').insert({ id: 10, note: 'a' })).error).toBeNull();
    expect((await b.client.from('gw_private').insert({ id: 11, note: 'b' })).error).toBeNull();
    expect((await a.client.from('gw_private').select('id')).data).toEqual([{ id: 10 }]);
    expect((await b.client.from('gw_private').select('id')).data).toEqual([{ id: 11 }]);
    const service = await h.client(h.serviceKey).from('gw_private').select('id').order('id');
    expect(service.data).toEqual([{ id: 10 }, { id: 11 }]);
  });

  it('23505 → 409 with details', async () => {
    const { error, status } = await h
      .client()
      .from('gw_categories')
      .insert({ code: 'other', label: 'Relay' });
    expect(status).toBe(409);
    expect(error).toEqual({
      code: '23505',
      details: 'Key (label)=(Relay) already exists.',
      hint: null,
      message: 'duplicate key value violates unique constraint "gw_categories_label_key"',
    });
  });

  it('23503 → 409', async () => {
    const { error, status } = await h
      .client()
      .from('gw_products')
      .insert({ id: 2, sku: 'X', category: 'nope' });
    expect(status).toBe(409);
    expect(error?.code).toBe('23503');
    const del = await h.client().from('gw_categories').delete().eq('code', 'relay');
    expect(del.status).toBe(409);
    expect(del.error?.code).toBe('23503');
  });

  it('23514 → 400', async () => {
    const { error, status } = await h
      .client()
      .from('gw_products')
      .insert({ id: 3, sku: 'Y', price: -1 });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: '23514' });
    expect(error?.message).toContain('gw_products_price_check');
  });

  it('P0001 → 400 with the RAISE message, detail and hint', async () => {
    const { error, status } = await h.client().rpc('gw_fail', { msg: 'Group is full' });
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'P0001',
      details: 'it failed on purpose',
      hint: 'try again',
      message: 'Group is full',
    });
  });

  it('unknown table → 404 PGRST205', async () => {
    const { error, status } = await h.client().from('no_such_table').select('*');
    expect(status).toBe(404);
    expect(error).toMatchObject({
      code: 'PGRST205',
      message: "Could not find the table 'public.no_such_table' in the schema cache",
    });
  });

  it('a malformed escape in the path is an unknown table, not a crash', async () => {
    const res = await rawFetch(h, '/rest/v1/%E0%A4%A');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 'PGRST205' });
  });

  it('a table outside the exposed schema is unknown too', async () => {
    const { status } = await h.client().from('pg_class').select('*');
    expect(status).toBe(404);
    const profile = await rawFetch(h, '/rest/v1/scheduled_jobs', {
      headers: { 'accept-profile': 'private' },
    });
    expect(profile.status).toBe(406);
    expect(await profile.json()).toMatchObject({ code: 'PGRST106' });
  });

  it('unknown function or arguments → 404 PGRST202', async () => {
    const missing = await h.client().rpc('no_such_fn', { x: 1 });
    expect(missing.status).toBe(404);
    expect(missing.error).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.no_such_fn(x) in the schema cache',
    });
    const wrongArgs = await h.client().rpc('gw_add', { z: 1 });
    expect(wrongArgs.status).toBe(404);
    expect(wrongArgs.error).toMatchObject({
      code: 'PGRST202',
      hint: 'Perhaps you meant to call the function public.gw_add(a, b)',
    });
  });

  it('a malformed filter → 400 PGRST100; a bad value → 400 from Postgres', async () => {
    const parse = await rawFetch(h, '/rest/v1/gw_items?id=zz.1');
    expect(parse.status).toBe(400);
    expect(await parse.json()).toMatchObject({ code: 'PGRST100' });
    const value = await h.client().from('gw_items').select('*').eq('id', 'not-a-number');
    expect(value.status).toBe(400);
    expect(value.error?.code).toBe('22P02');
  });

  it('a missing column → 400 42703', async () => {
    const { error, status } = await h.client().from('gw_items').select('nope');
    expect(status).toBe(400);
    expect(error?.code).toBe('42703');
  });
});
