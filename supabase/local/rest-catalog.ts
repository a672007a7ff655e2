// What PostgREST's schema cache knows, read from pg_catalog per request (cheap on
// one machine, never stale). Results come back as JSON text so node-postgres and
// PGlite, which parse arrays differently, agree.
import type { Queryable } from './db/database.ts';

export const EXPOSED_SCHEMA = 'public';

export interface TableInfo {
  name: string;
  columns: string[];
  primaryKey: string[];
  /** column → default expression, as Postgres prints it (for Prefer: missing=default) */
  defaults: Record<string, string>;
}

export interface FunctionArg {
  name: string | null;
  type: string;
  hasDefault: boolean;
  variadic: boolean;
}

export interface FunctionInfo {
  name: string;
  args: FunctionArg[];
  returnsSet: boolean;
  returnType: string;
  /** pg_type.typtype of the return type: c composite, p pseudo (void, record), b base… */
  returnKind: string;
  /** out/table parameters make `record` a row */
  hasOutParams: boolean;
}

export interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
}

async function jsonQuery<T>(tx: Queryable, sql: string, params: unknown[]): Promise<T> {
  const r = await tx.query<{ j: string }>(sql, params);
  return JSON.parse(r.rows[0]?.j ?? 'null') as T;
}

export function findTable(tx: Queryable, name: string): Promise<TableInfo | null> {
  return jsonQuery<TableInfo | null>(
    tx,
    `select json_build_object(
       'name', c.relname,
       'columns', (select coalesce(json_agg(a.attname order by a.attnum), '[]')
                   from pg_attribute a
                   where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped),
       'primaryKey', (select coalesce(json_agg(a.attname order by k.ord), '[]')
                      from pg_index i
                      cross join lateral unnest(i.indkey::int2[]) with ordinality as k(attnum, ord)
                      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                      where i.indrelid = c.oid and i.indisprimary),
       'defaults', (select coalesce(json_object_agg(a.attname, pg_get_expr(d.adbin, d.adrelid)), '{}')
                    from pg_attrdef d
                    join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
                    where d.adrelid = c.oid and a.attgenerated = '')
     )::text as j
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'v', 'm', 'f', 'p')`,
    [EXPOSED_SCHEMA, name],
  );
}

export async function findFunctions(tx: Queryable, name: string): Promise<FunctionInfo[]> {
  return (
    (await jsonQuery<FunctionInfo[] | null>(
      tx,
      `select json_agg(json_build_object(
         'name', p.proname,
         'args', (select coalesce(json_agg(json_build_object(
                    'name', nullif(a.name, ''),
                    'type', format_type(a.type, null),
                    'hasDefault', a.pos > p.pronargs - p.pronargdefaults,
                    'variadic', a.mode = 'v') order by a.ord), '[]')
                  from (select x.*, row_number() over (order by x.ord) as pos
                        from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[]),
                                    coalesce(p.proargmodes, array_fill('i'::"char", array[p.pronargs::int])),
                                    p.proargnames) with ordinality as x(type, mode, name, ord)
                        where x.mode in ('i', 'b', 'v')) a),
         'returnsSet', p.proretset,
         'returnType', format_type(p.prorettype, null),
         'returnKind', t.typtype,
         'hasOutParams', coalesce('o' = any(p.proargmodes) or 't' = any(p.proargmodes)
                                  or 'b' = any(p.proargmodes), false)
       ) order by p.oid)::text as j
       from pg_proc p
       join pg_namespace n on n.oid = p.pronamespace
       join pg_type t on t.oid = p.prorettype
       where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'`,
      [EXPOSED_SCHEMA, name],
    )) ?? []
  );
}

/** foreign keys between `a` and `b` in either direction (for embedding) */
export async function foreignKeysBetween(
  tx: Queryable,
  a: string,
  b: string,
): Promise<ForeignKey[]> {
  return (
    (await jsonQuery<ForeignKey[] | null>(
      tx,
      `select json_agg(json_build_object(
         'name', con.conname,
         'table', src.relname,
         'columns', (select json_agg(att.attname order by k.ord)
                     from unnest(con.conkey) with ordinality as k(attnum, ord)
                     join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k.attnum),
         'refTable', dst.relname,
         'refColumns', (select json_agg(att.attname order by k.ord)
                        from unnest(con.confkey) with ordinality as k(attnum, ord)
                        join pg_attribute att on att.attrelid = con.confrelid and att.attnum = k.attnum)
       ) order by con.conname)::text as j
       from pg_constraint con
       join pg_class src on src.oid = con.conrelid
       join pg_namespace sn on sn.oid = src.relnamespace
       join pg_class dst on dst.oid = con.confrelid
       join pg_namespace dn on dn.oid = dst.relnamespace
       where con.contype = 'f' and sn.nspname = $1 and dn.nspname = $1
         and ((src.relname = $2 and dst.relname = $3) or (src.relname = $3 and dst.relname = $2))`,
      [EXPOSED_SCHEMA, a, b],
    )) ?? []
  );
}
