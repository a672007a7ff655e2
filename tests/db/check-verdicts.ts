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

/** what text in PostgreSQL cannot hold: NUL, and lone surrogates (they would arrive as U+FFFD) */
export function unholdable(value: string): boolean {
  return (
    value.includes('\u0000') ||
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)
  );
}

/**
 * The values on which a form's rule and a column's CHECK constraints disagree.
 * `accepts` is the form's verdict on a value as typed; `saved` is what the form
 * writes for it (composed, trimmed, blank as null), which all `constraints` must
 * pass exactly when the form accepts. A value the database cannot hold at all
 * (NUL, a lone surrogate) disagrees when the form accepts it.
 */
export async function formDisagreements(
  db: Database,
  table: string,
  constraints: readonly string[],
  column: string,
  values: readonly string[],
  accepts: (value: string) => boolean,
  saved: (value: string) => string | null,
): Promise<string[]> {
  const held = values.filter((v) => !unholdable(v));
  const verdicts = await Promise.all(
    constraints.map((c) => checkVerdicts(db, table, c, column, held.map(saved))),
  );
  return [
    ...values.filter((v) => unholdable(v) && accepts(v)),
    ...held.filter((v, i) => accepts(v) !== verdicts.every((inDb) => inDb[i])),
  ];
}
