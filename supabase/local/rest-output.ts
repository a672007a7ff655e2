// Rows rendered to JSON by Postgres itself (json_agg, as PostgREST does), so the
// response text is PostgREST's byte for byte and both drivers agree.
import type { Queryable } from './db/database.ts';
import { pgrstError } from './rest-errors.ts';
import type { Negotiated } from './rest-negotiation.ts';

export interface RenderedRows {
  /** the JSON array */
  body: string;
  /** the first element, for singular responses */
  first: string | null;
  count: number;
}

export async function renderRows(
  tx: Queryable,
  innerSql: string,
  params: unknown[],
  stripNulls: boolean,
  /** a data-modifying CTE must sit at the top level, before the aggregate */
  withClause = '',
  /** what each array element is: the row, or its one column for set-returning scalars */
  element = '_pgrst_t',
): Promise<RenderedRows> {
  const agg = stripNulls ? `json_strip_nulls(json_agg(${element}))` : `json_agg(${element})`;
  const r = await tx.query<{ body: string; first: string | null; n: number }>(
    `${withClause}select coalesce(${agg}, '[]')::text as body, (${agg}->0)::text as first, count(*)::int as n
     from (${innerSql}) _pgrst_t`,
    params,
  );
  const row = r.rows[0];
  return { body: row?.body ?? '[]', first: row?.first ?? null, count: Number(row?.n ?? 0) };
}

/**
 * The body for the negotiated media type. A singular response (`.single()`)
 * needs exactly one row: otherwise 406 PGRST116, thrown so that a mutation's
 * transaction rolls back, as PostgREST does.
 */
export function pickBody(rows: RenderedRows, neg: Negotiated): string {
  if (!neg.single) return rows.body;
  if (rows.count !== 1 || rows.first === null) {
    throw pgrstError(
      406,
      'PGRST116',
      'JSON object requested, multiple (or no) rows returned',
      `The result contains ${rows.count} rows`,
    );
  }
  return rows.first;
}

/** Content-Range for a read: `0-9/42`, `*\/0`, `0-9/*` */
export function readRange(offset: number, returned: number, total: number | null): string {
  const of = total === null ? '*' : String(total);
  return returned === 0 ? `*/${of}` : `${offset}-${offset + returned - 1}/${of}`;
}
