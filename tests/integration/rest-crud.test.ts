// Table routes through the real supabase-js client: select with every filter,
// order/limit/offset, insert, upsert on_conflict, update, delete, representation,
// single/maybeSingle, counts and embedding.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatewayFixtureSql } from './gateway-fixtures.ts';
import { type Harness, rawFetch, startGateway } from './gateway-harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startGateway();
  await h.db.exec(gatewayFixtureSql);
  await h.db.exec(`
    insert into public.gw_items (id, name, qty, tags, data, note) values
      (1, 'hurdles', 10, '{track,outdoor}', '{"color": "red", "n": 1}', null),
      (2, 'blocks', 4, '{track}', '{"color": "blue", "n": 2}', 'worn'),
      (3, 'cones', 25, '{field}', null, null),
      (4, 'baton', 0, null, '{"color": "red", "n": 3}', 'lost one'),
      (5, 'stopwatch', 7, '{}', null, 'batteries');
  `);
});
afterAll(async () => {
  await h?.close();
});

const ids = (rows: unknown[] | null) => (rows ?? []).map((r) => (r as { id: number }).id);

function itemsQuery() {
  return h.client().from('gw_items').select('id');
}
type Q = ReturnType<typeof itemsQuery>;

describe('select', () => {
  it('returns the columns asked for, in PostgREST JSON', async () => {
    const { data, error, status } = await h
      .client()
      .from('gw_items')
      .select('id, label:name, data->>color')
      .eq('id', 1);
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([{ id: 1, label: 'hurdles', color: 'red' }]);
  });

  it.each([
    ['eq', (q: Q) => q.eq('name', 'cones'), [3]],
    ['neq', (q: Q) => q.neq('name', 'cones'), [1, 2, 4, 5]],
    ['gt', (q: Q) => q.gt('qty', 7), [1, 3]],
    ['gte', (q: Q) => q.gte('qty', 7), [1, 3, 5]],
    ['lt', (q: Q) => q.lt('qty', 7), [2, 4]],
    ['lte', (q: Q) => q.lte('qty', 7), [2, 4, 5]],
    ['in', (q: Q) => q.in('name', ['baton', 'cones', 'nope']), [3, 4]],
    ['is null', (q: Q) => q.is('note', null), [1, 3]],
    ['not is null', (q: Q) => q.not('note', 'is', null), [2, 4, 5]],
    ['like', (q: Q) => q.like('name', '%o%'), [2, 3, 4, 5]],
    ['ilike', (q: Q) => q.ilike('name', 'H%'), [1]],
    ['contains', (q: Q) => q.contains('tags', ['track']), [1, 2]],
    ['json path', (q: Q) => q.eq('data->>color', 'red'), [1, 4]],
    ['or', (q: Q) => q.or('qty.eq.0,name.eq.cones'), [3, 4]],
    ['combined', (q: Q) => q.gte('qty', 4).lt('qty', 25).neq('id', 5), [1, 2]],
  ])('filters with %s', async (_name, apply, expected) => {
    const { data, error } = await apply(itemsQuery()).order('id');
    expect(error).toBeNull();
    expect(ids(data)).toEqual(expected);
  });

  it('orders, limits and offsets', async () => {
    const desc = await h.client().from('gw_items').select('id').order('qty', { ascending: false });
    expect(ids(desc.data)).toEqual([3, 1, 5, 2, 4]);
    const page = await h.client().from('gw_items').select('id').order('id').range(1, 2);
    expect(ids(page.data)).toEqual([2, 3]);
    const limited = await h.client().from('gw_items').select('id').order('id').limit(2);
    expect(ids(limited.data)).toEqual([1, 2]);
    const nulls = await h
      .client()
      .from('gw_items')
      .select('id')
      .order('note', { nullsFirst: true })
      .order('id');
    expect(ids(nulls.data).slice(0, 2)).toEqual([1, 3]);
  });

  it('counts exactly with Content-Range, also as HEAD', async () => {
    const { count, data } = await h
      .client()
      .from('gw_items')
      .select('id', { count: 'exact' })
      .gt('qty', 0)
      .limit(2);
    expect(count).toBe(4);
    expect(data).toHaveLength(2);
    const head = await h.client().from('gw_items').select('*', { count: 'exact', head: true });
    expect(head.count).toBe(5);
    expect(head.data).toBeNull();
  });

  it('returns one object with single(), 406 PGRST116 otherwise; maybeSingle() gives null', async () => {
    const one = await h.client().from('gw_items').select('name').eq('id', 2).single();
    expect(one.data).toEqual({ name: 'blocks' });
    const none = await h.client().from('gw_items').select('name').eq('id', 42).single();
    expect(none.status).toBe(406);
    expect(none.error?.code).toBe('PGRST116');
    const many = await h.client().from('gw_items').select('name').gt('qty', 0).single();
    expect(many.error?.code).toBe('PGRST116');
    const maybe = await h.client().from('gw_items').select('name').eq('id', 42).maybeSingle();
    expect(maybe.error).toBeNull();
    expect(maybe.data).toBeNull();
  });

  it('keeps Postgres JSON formatting (json_agg), like PostgREST', async () => {
    const res = await rawFetch(h, '/rest/v1/gw_items?select=id,data&id=in.(1,2)&order=id');
    expect(await res.text()).toBe(
      '[{"id":1,"data":{"n": 1, "color": "red"}}, \n {"id":2,"data":{"n": 2, "color": "blue"}}]',
    );
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-range')).toBe('0-1/*');
  });
});

describe('insert, update, delete', () => {
  it('inserts with return=minimal by default and with representation on select()', async () => {
    const minimal = await h
      .client()
      .from('gw_categories')
      .insert({ code: 'sprint', label: 'Sprint' });
    expect(minimal.status).toBe(201);
    expect(minimal.data).toBeNull();
    const rep = await h
      .client()
      .from('gw_categories')
      .insert([
        { code: 'jumps', label: 'Jumps' },
        { code: 'throws', label: 'Throws' },
      ])
      .select('code');
    expect(rep.status).toBe(201);
    expect(rep.data).toEqual([{ code: 'jumps' }, { code: 'throws' }]);
  });

  it('upserts on a named conflict target, merging or ignoring duplicates', async () => {
    const merged = await h
      .client()
      .from('gw_categories')
      .upsert({ code: 'sprint-2', label: 'Sprint' }, { onConflict: 'label' })
      .select();
    expect(merged.error).toBeNull();
    expect(merged.data).toEqual([{ code: 'sprint-2', label: 'Sprint' }]);
    const byPk = await h
      .client()
      .from('gw_categories')
      .upsert({ code: 'jumps', label: 'Jumps & vaults' })
      .select();
    expect(byPk.data).toEqual([{ code: 'jumps', label: 'Jumps & vaults' }]);
    const ignored = await h
      .client()
      .from('gw_categories')
      .upsert({ code: 'throws', label: 'Ignored' }, { ignoreDuplicates: true })
      .select();
    expect(ignored.data).toEqual([]);
    const { data } = await h.client().from('gw_categories').select('code, label').order('code');
    expect(data).toEqual([
      { code: 'jumps', label: 'Jumps & vaults' },
      { code: 'sprint-2', label: 'Sprint' },
      { code: 'throws', label: 'Throws' },
    ]);
  });

  it('updates only filtered rows and returns them', async () => {
    const { data, error, status } = await h
      .client()
      .from('gw_items')
      .update({ note: 'checked', tags: ['a', 'b'] })
      .lt('qty', 5)
      .select('id, note, tags')
      .order('id');
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toEqual([
      { id: 2, note: 'checked', tags: ['a', 'b'] },
      { id: 4, note: 'checked', tags: ['a', 'b'] },
    ]);
    const untouched = await h.client().from('gw_items').select('note').eq('id', 5).single();
    expect(untouched.data).toEqual({ note: 'batteries' });
  });

  it('deletes filtered rows with count, and 204 with return=minimal', async () => {
    await h
      .client()
      .from('gw_items')
      .insert([
        { id: 100, name: 'tmp-a', qty: 1 },
        { id: 101, name: 'tmp-b', qty: 1 },
      ]);
    const del = await h.client().from('gw_items').delete({ count: 'exact' }).like('name', 'tmp-%');
    expect(del.status).toBe(204);
    expect(del.count).toBe(2);
    const left = await h.client().from('gw_items').select('id').gte('id', 100);
    expect(left.data).toEqual([]);
  });

  it('runs a request in one transaction: a failing row leaves nothing behind', async () => {
    const { error, status } = await h
      .client()
      .from('gw_items')
      .insert([
        { id: 200, name: 'ok', qty: 1 },
        { id: 1, name: 'duplicate', qty: 1 },
      ]);
    expect(status).toBe(409);
    expect(error?.code).toBe('23505');
    const { data } = await h.client().from('gw_items').select('id').eq('id', 200);
    expect(data).toEqual([]);
  });

  it('rolls back a mutation whose single() result is not one row', async () => {
    const res = await h
      .client()
      .from('gw_items')
      .update({ note: 'x' })
      .gt('qty', 0)
      .select()
      .single();
    expect(res.status).toBe(406);
    const { data } = await h.client().from('gw_items').select('id').eq('note', 'x');
    expect(data).toEqual([]);
  });

  it('fills keys missing from some rows with null, or with defaults under missing=default', async () => {
    const nulls = await h
      .client()
      .from('gw_defaults')
      .insert([{ id: 101, label: 'a', n: 1 }, { id: 102 }])
      .select('id, label, n');
    expect(nulls.data).toEqual([
      { id: 101, label: 'a', n: 1 },
      { id: 102, label: null, n: null },
    ]);
    const defaults = await h
      .client()
      .from('gw_defaults')
      .insert(
        [
          { id: 103, label: 'c' },
          { id: 104, n: 4 },
        ],
        { defaultToNull: false },
      )
      .select('id, label, n');
    expect(defaults.data).toEqual([
      { id: 103, label: 'c', n: null },
      { id: 104, label: 'unnamed', n: 4 },
    ]);
    // every column from its default (the serial id included)
    const empty = await h.client().from('gw_defaults').insert({}).select('id, label');
    expect(empty.data).toEqual([{ id: 1, label: 'unnamed' }]);
  });

  it('refuses unknown columns with PGRST204', async () => {
    const { error, status } = await h
      .client()
      .from('gw_items')
      .insert({ id: 300, name: 'x', colour: 'red' });
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST204');
  });
});

describe('embedding', () => {
  beforeAll(async () => {
    await h.db.exec(`
      insert into public.gw_categories values ('relay', 'Relay') on conflict do nothing;
      insert into public.gw_products values (1, 'BATON-1', 'relay', 12.5), (2, 'BATON-2', 'relay', 14), (3, 'LOOSE', null, 1);
    `);
  });

  it('embeds many-to-one as an object and one-to-many as an array', async () => {
    const m2o = await h
      .client()
      .from('gw_products')
      .select('sku, cat:gw_categories(label)')
      .order('id');
    expect(m2o.error).toBeNull();
    expect(m2o.data).toEqual([
      { sku: 'BATON-1', cat: { label: 'Relay' } },
      { sku: 'BATON-2', cat: { label: 'Relay' } },
      { sku: 'LOOSE', cat: null },
    ]);
    const o2m = await h
      .client()
      .from('gw_categories')
      .select('code, gw_products(sku)')
      .eq('code', 'relay');
    expect(o2m.data).toEqual([
      { code: 'relay', gw_products: [{ sku: 'BATON-1' }, { sku: 'BATON-2' }] },
    ]);
    const inner = await h
      .client()
      .from('gw_products')
      .select('sku, gw_categories!inner(code)')
      .order('id');
    expect(inner.data?.map((r) => r.sku)).toEqual(['BATON-1', 'BATON-2']);
  });

  it('answers an unknown relationship with 400 PGRST200', async () => {
    const { error, status } = await h.client().from('gw_products').select('sku, gw_private(id)');
    expect(status).toBe(400);
    expect(error?.code).toBe('PGRST200');
  });
});
