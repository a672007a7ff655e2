import type { Database } from '../../supabase/local/db/database.ts';

/**
 * For each value, whether a CHECK constraint of `public.<table>` passes it: the
 * constraint's own catalog expression evaluated over all values in one query,
 * with the value bound to `column` (a check passes unless it is false).
 */
export async function checkVerdicts(
  db: Database,
  table: string,
  constraint: string,
  column: string,
  values: readonly (string | null)[],
): Promise<boolean[]> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = $1::regclass and c.contype = 'c' and c.conname = $2`,
    [`public.${table}`, constraint],
  );
  const expr = def.rows[0]?.expr;
  if (!expr) throw new Error(`no check constraint ${constraint} on ${table}`);
  const r = await db.query<{ ok: boolean }>(
    `select (${expr}) is not false as ok
       from unnest($1::text[]) with ordinality as v(${column}, n)
      order by v.n`,
    [values],
  );
  return r.rows.map((row) => row.ok);
}
