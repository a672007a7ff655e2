import { describe, expect, it } from 'vitest';
import { parseQuery, parseSelect, QueryParseError, splitTopLevel } from './rest-query.ts';
import { SqlParams, conditionSql, orderSql, selectListSql, whereSql } from './rest-sql.ts';

const q = (s: string) => parseQuery(new URLSearchParams(s));

describe('parseQuery', () => {
  it('reads every comparison operator supabase-js emits', () => {
    const parsed = q('a=eq.1&b=neq.x&c=gt.2&d=gte.3&e=lt.4&f=lte.5&g=is.null&h=in.(1,2,3)');
    expect(parsed.filters).toEqual([
      { kind: 'filter', field: { column: 'a', path: [] }, negate: false, op: 'eq', value: '1' },
      { kind: 'filter', field: { column: 'b', path: [] }, negate: false, op: 'neq', value: 'x' },
      { kind: 'filter', field: { column: 'c', path: [] }, negate: false, op: 'gt', value: '2' },
      { kind: 'filter', field: { column: 'd', path: [] }, negate: false, op: 'gte', value: '3' },
      { kind: 'filter', field: { column: 'e', path: [] }, negate: false, op: 'lt', value: '4' },
      { kind: 'filter', field: { column: 'f', path: [] }, negate: false, op: 'lte', value: '5' },
      { kind: 'filter', field: { column: 'g', path: [] }, negate: false, op: 'is', value: 'null' },
      {
        kind: 'filter',
        field: { column: 'h', path: [] },
        negate: false,
        op: 'in',
        value: ['1', '2', '3'],
      },
    ]);
  });

  it('keeps dots and quoted commas inside values', () => {
    const parsed = q(`v=eq.1.5&n=in.("a,b","c\\"d",e)`);
    expect(parsed.filters[0]).toMatchObject({ op: 'eq', value: '1.5' });
    expect(parsed.filters[1]).toMatchObject({ op: 'in', value: ['a,b', 'c"d', 'e'] });
  });

  it('reads not., like wildcards, quantifiers and JSON paths', () => {
    const parsed = q('a=not.is.null&b=like.*ab*&c=eq(any).{x,y}&data->>k=eq.v&d=fts(english).cat');
    expect(parsed.filters[0]).toMatchObject({ negate: true, op: 'is', value: 'null' });
    expect(parsed.filters[1]).toMatchObject({ op: 'like', value: '%ab%' });
    expect(parsed.filters[2]).toMatchObject({ op: 'eq', quantifier: 'any', value: ['x', 'y'] });
    expect(parsed.filters[3]).toMatchObject({
      field: { column: 'data', path: [{ arrow: '->>', key: 'k' }] },
      value: 'v',
    });
    expect(parsed.filters[4]).toMatchObject({ op: 'fts', config: 'english', value: 'cat' });
  });

  it('reads logic trees with nesting and quoted values', () => {
    const parsed = q('or=(a.eq.1,and(b.gt.2,c.is.null),d.eq."x,y")&not.and=(e.eq.1)');
    expect(parsed.filters[0]).toMatchObject({
      kind: 'or',
      negate: false,
      children: [
        { op: 'eq', value: '1' },
        { kind: 'and', children: [{ op: 'gt' }, { op: 'is', value: 'null' }] },
        { op: 'eq', value: 'x,y' },
      ],
    });
    expect(parsed.filters[1]).toMatchObject({ kind: 'and', negate: true });
  });

  it('reads select, order, limit, offset, on_conflict and columns', () => {
    const parsed = q(
      'select=id,full:name,age::text,data->>k&order=a.desc.nullslast,b&limit=10&offset=20&on_conflict=a,b&columns="x","y"',
    );
    expect(parsed.select).toEqual([
      { kind: 'column', field: { column: 'id', path: [] } },
      { kind: 'column', field: { column: 'name', path: [] }, alias: 'full' },
      { kind: 'column', field: { column: 'age', path: [] }, cast: 'text' },
      { kind: 'column', field: { column: 'data', path: [{ arrow: '->>', key: 'k' }] } },
    ]);
    expect(parsed.order).toEqual([
      { field: { column: 'a', path: [] }, direction: 'desc', nulls: 'last' },
      { field: { column: 'b', path: [] }, direction: 'asc' },
    ]);
    expect(parsed).toMatchObject({
      limit: 10,
      offset: 20,
      onConflict: ['a', 'b'],
      columns: ['x', 'y'],
    });
  });

  it('parses embedded resources in select', () => {
    expect(parseSelect('id,owner:profiles!owner_id(id,name),tags!inner(*)')).toEqual([
      { kind: 'column', field: { column: 'id', path: [] } },
      {
        kind: 'embed',
        relation: 'profiles',
        alias: 'owner',
        hint: 'owner_id',
        inner: false,
        select: [
          { kind: 'column', field: { column: 'id', path: [] } },
          { kind: 'column', field: { column: 'name', path: [] } },
        ],
      },
      { kind: 'embed', relation: 'tags', inner: true, select: [{ kind: 'star' }] },
    ]);
  });

  it('leaves RPC arguments alone', () => {
    const parsed = parseQuery(new URLSearchParams('p_x=5&y=eq.1'), (k) => k === 'p_x');
    expect(parsed.filters).toHaveLength(1);
  });

  it.each([
    ['a"b=eq.1', 'quote in a column'],
    ['a;drop=eq.1', 'semicolon in a column'],
    ['a=zz.1', 'unknown operator'],
    ['a=eq', 'operator without value'],
    ['a=is.maybe', 'bad is value'],
    ['limit=-1', 'negative limit'],
    ['order=a.sideways', 'bad order modifier'],
    ['select=a::text;drop', 'bad cast'],
    ['or=(a.eq.1', 'unbalanced tree'],
    ['rel.col=eq.1', 'embedded filter'],
  ])('rejects %s (%s)', (query) => {
    expect(() => q(query)).toThrow(QueryParseError);
  });

  it('splits at depth 0 only', () => {
    expect(splitTopLevel('a,b(c,d),"e,f",{g,h}')).toEqual(['a', 'b(c,d)', '"e,f"', '{g,h}']);
  });
});

describe('rest-sql', () => {
  it('renders filters with parameters and quoted identifiers', () => {
    const p = new SqlParams();
    const parsed = q('a=eq.1&b=in.(x,y)&c=is.null&d=not.like.*z&or=(e.gt.1,e.lt.0)');
    expect(whereSql('t', parsed.filters, p)).toBe(
      ' where "t"."a" = $1 and "t"."b" in ($2, $3) and "t"."c" is null and not ("t"."d" like $4) and ("t"."e" > $5 or "t"."e" < $6)',
    );
    expect(p.values).toEqual(['1', 'x', 'y', '%z', '1', '0']);
  });

  it('renders empty in as false and quantifiers as array literals', () => {
    const p = new SqlParams();
    const parsed = q('a=in.()&b=eq(all).{x,"y z"}');
    expect(parsed.filters.map((f) => conditionSql('t', f, p))).toEqual([
      'false',
      '"t"."b" = all($1)',
    ]);
    expect(p.values).toEqual(['{"x","y z"}']);
  });

  it('renders select lists and order', () => {
    const p = new SqlParams();
    const parsed = q('select=id,n:name,data->k->>0,age::text&order=id.desc.nullsfirst');
    expect(selectListSql('t', parsed.select, p, () => '')).toBe(
      '"t"."id" as "id", "t"."name" as "n", "t"."data"->$1::text->>0 as "0", ("t"."age")::text as "age"',
    );
    expect(orderSql('t', parsed.order, p)).toBe(' order by "t"."id" desc nulls first');
  });
});
