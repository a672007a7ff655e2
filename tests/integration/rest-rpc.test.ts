// /rest/v1/rpc/<fn> through supabase-js: POST body and GET query arguments,
// scalar, composite, set-returning and void results, the request context a
// function sees, and read-only GET.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayFixtureSql } from './gateway-fixtures.ts';
import { type Harness, rawFetch, startGateway } from './gateway-harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startGateway();
  await h.db.exec(gatewayFixtureSql);
  await h.db.exec(
    `insert into public.gw_items (id, name, qty) values (1, 'a', 1), (2, 'b', 5), (3, 'c', 9)`,
  );
});
afterAll(async () => {
  await h?.close();
});

describe('rpc', () => {
  it('calls with named arguments by POST and returns a JSON scalar', async () => {
    const { data, error } = await h.client().rpc('gw_add', { a: 2, b: 40 });
    expect(error).toBeNull();
    expect(data).toBe(42);
    const defaulted = await h.client().rpc('gw_add', { a: 2 });
    expect(defaulted.data).toBe(3);
  });

  it('calls by GET with query-string arguments, arrays included', async () => {
    const { data, error } = await h.client().rpc('gw_add', { a: 1, b: 2 }, { get: true });
    expect(error).toBeNull();
    expect(data).toBe(3);
    const tags = await h.client().rpc('gw_echo_tags', { tags: ['x', 'y', 'z'] }, { get: true });
    expect(tags.data).toBe(3);
  });

  it('returns set-returning functions as arrays, filterable like tables', async () => {
    const rows = await h.client().rpc('gw_items_over', { min_qty: 1 }).select('id, name');
    expect(rows.data).toEqual([
      { id: 2, name: 'b' },
      { id: 3, name: 'c' },
    ]);
    const filtered = await h
      .client()
      .rpc('gw_items_over', { min_qty: 0 })
      .gte('qty', 5)
      .order('id', { ascending: false });
    expect(filtered.data?.map((r: { id: number }) => r.id)).toEqual([3, 2]);
    const series = await h.client().rpc('gw_series', { n: 3 });
    expect(series.data).toEqual([1, 2, 3]);
    const table = await h.client().rpc('gw_pair', { x: 'ab' });
    expect(table.data).toEqual([
      { k: 'ab', v: 1 },
      { k: 'abab', v: 2 },
    ]);
  });

  it('returns a function of a row type as one object', async () => {
    const { data, error } = await h.client().rpc('gw_item', { p_id: 2 });
    expect(error).toBeNull();
    expect(data).toEqual({ id: 2, name: 'b', qty: 5, tags: null, data: null, note: null });
  });

  it('passes the whole body to a single unnamed json/jsonb parameter', async () => {
    const { data, error } = await h.client().rpc('gw_json_keys', { x: 1, y: [2], z: { w: 3 } });
    expect(error).toBeNull();
    expect(data).toBe(3);
  });

  it('answers void functions with 204 and no data', async () => {
    const { data, error, status } = await h.client().rpc('gw_noop');
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  it('runs as the caller with the claims, method, path and headers PostgREST sets', async () => {
    const anon = await h.client(h.anonKey, { 'x-test-client': 'probe' }).rpc('gw_whoami');
    expect(anon.data).toEqual({
      uid: null,
      role: 'anon',
      claims_role: 'anon',
      method: 'POST',
      path: '/rpc/gw_whoami',
      client: 'probe',
    });
    const user = h.client();
    const s = await user.auth.signUp({ email: 'rpc@example.test', password: 'rpc-password' });
    const me = await user.rpc('gw_whoami', {}, { get: true });
    expect(me.data).toMatchObject({
      uid: s.data.user?.id,
      role: 'authenticated',
      claims_role: 'authenticated',
      method: 'GET',
    });
    const service = await h.client(h.serviceKey).rpc('gw_whoami');
    expect(service.data).toMatchObject({ uid: null, role: 'service_role' });
  });

  it('runs GET in a read-only transaction: a writing function fails with 405 (25006)', async () => {
    const { error, status } = await h.client().rpc('gw_touch', {}, { get: true });
    expect(status).toBe(405);
    expect(error?.code).toBe('25006');
    const post = await h.client().rpc('gw_touch');
    expect(post.data).toBe(999);
  });

  it('refuses a function without EXECUTE for the role: 401 for anon', async () => {
    const { error, status } = await h.client().rpc('gw_secret');
    expect(status).toBe(401);
    expect(error?.code).toBe('42501');
  });

  it('answers malformed JSON with 400 PGRST102', async () => {
    const res = await rawFetch(h, '/rest/v1/rpc/gw_add', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST102' });
  });
});
