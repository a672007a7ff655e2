// Table routes: GET/HEAD read, POST insert (and upsert), PATCH update, DELETE,
// each as the single statement PostgREST would run, inside the request's
// transaction (rest-routes.ts opens it and sets the role).
import type { Queryable } from './db/database.ts';
import type { ApiResponse } from './http-types.ts';
import { emptyResponse, rawJsonResponse } from './http-types.ts';
import type { TableInfo } from './rest-catalog.ts';
import { type EmbedMap, embedSql, innerEmbedConditions, resolveEmbeds } from './rest-embed.ts';
import { pgrstError } from './rest-errors.ts';
import type { Negotiated, Preferences } from './rest-negotiation.ts';
import { pickBody, readRange, renderRows } from './rest-output.ts';
import type { ParsedQuery } from './rest-query.ts';
import {
  SqlParams,
  conditionSql,
  ident,
  orderSql,
  rangeSql,
  referencedColumns,
  selectListSql,
} from './rest-sql.ts';

export interface TableRequest {
  table: TableInfo;
  method: string;
  query: ParsedQuery;
  prefs: Preferences;
  neg: Negotiated;
  /** parsed JSON body for POST and PATCH */
  body: unknown;
}

function whereClause(alias: string, req: TableRequest, embeds: EmbedMap, p: SqlParams): string {
  const conditions = [
    ...req.query.filters.map((c) => conditionSql(alias, c, p)),
    ...innerEmbedConditions(alias, embeds),
  ];
  return conditions.length ? ` where ${conditions.join(' and ')}` : '';
}

function selectList(alias: string, req: TableRequest, embeds: EmbedMap, p: SqlParams): string {
  return selectListSql(alias, req.query.select, p, (item) => embedSql(alias, embeds, item, p));
}

async function read(tx: Queryable, req: TableRequest): Promise<ApiResponse> {
  const t = req.table.name;
  const embeds = await resolveEmbeds(tx, t, req.query.select);
  const p = new SqlParams();
  const inner =
    `select ${selectList(t, req, embeds, p)} from public.${ident(t)}` +
    whereClause(t, req, embeds, p) +
    orderSql(t, req.query.order, p) +
    rangeSql(req.query.limit, req.query.offset);
  const rows = await renderRows(tx, inner, p.values, req.neg.stripNulls);
  let total: number | null = null;
  if (req.prefs.count) {
    const cp = new SqlParams();
    const r = await tx.query<{ n: number }>(
      `select count(*)::int as n from public.${ident(t)}${whereClause(t, req, embeds, cp)}`,
      cp.values,
    );
    total = Number(r.rows[0]?.n ?? 0);
  }
  const offset = req.query.offset ?? 0;
  const headers = { 'content-range': readRange(offset, rows.count, total) };
  const partial =
    total !== null && rows.count < total && (offset > 0 || req.query.limit !== undefined);
  const status = partial ? 206 : 200;
  if (req.method === 'HEAD') return emptyResponse(status, headers);
  return rawJsonResponse(status, pickBody(rows, req.neg), headers, req.neg.contentType);
}

function bodyRows(body: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(body) ? body : [body];
  if (!rows.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) {
    throw pgrstError(400, 'PGRST102', 'Empty or invalid json');
  }
  return rows as Record<string, unknown>[];
}

function checkColumns(table: TableInfo, columns: string[]): void {
  for (const c of columns) {
    if (!table.columns.includes(c)) {
      throw pgrstError(
        400,
        'PGRST204',
        `Could not find the '${c}' column of '${table.name}' in the schema cache`,
      );
    }
  }
}

/**
 * Runs `dml` (an insert/update/delete without RETURNING) and answers with the
 * representation or just the status. `returning 1` for minimal, as PostgREST
 * does, needs no SELECT privilege and triggers no SELECT policy.
 */
async function mutate(
  tx: Queryable,
  req: TableRequest,
  dml: string,
  p: SqlParams,
  status: number,
): Promise<ApiResponse> {
  const t = req.table.name;
  const representation = req.prefs.return === 'representation';
  const headers: Record<string, string> = {};
  if (!representation) {
    const r = await tx.query<{ n: number }>(
      `with _pgrst_mutation as (${dml} returning 1) select count(*)::int as n from _pgrst_mutation`,
      p.values,
    );
    const n = Number(r.rows[0]?.n ?? 0);
    headers['content-range'] = `*/${req.prefs.count ? n : '*'}`;
    if (req.neg.single && n !== 1) pickBody({ body: '[]', first: null, count: n }, req.neg);
    return emptyResponse(status === 201 ? 201 : 204, headers);
  }
  const embeds = await resolveEmbeds(tx, t, req.query.select);
  const columns = referencedColumns(req.query.select);
  const returning = columns
    ? columns.map((c) => `${ident(t)}.${ident(c)}`).join(', ')
    : `${ident(t)}.*`;
  const inner = `select ${selectList(t, req, embeds, p)} from _pgrst_mutation ${ident(t)}${orderSql(t, req.query.order, p)}`;
  const rows = await renderRows(
    tx,
    inner,
    p.values,
    req.neg.stripNulls,
    `with _pgrst_mutation as (${dml} returning ${returning}) `,
  );
  headers['content-range'] = `*/${req.prefs.count ? rows.count : '*'}`;
  return rawJsonResponse(status, pickBody(rows, req.neg), headers, req.neg.contentType);
}

async function insert(tx: Queryable, req: TableRequest): Promise<ApiResponse> {
  const t = req.table.name;
  const rows = bodyRows(req.body);
  const columns = req.query.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  checkColumns(req.table, columns);
  const p = new SqlParams();
  const list = columns.map(ident).join(', ');
  const payload = p.add(JSON.stringify(rows));
  let dml: string;
  if (columns.length === 0) {
    dml = `insert into public.${ident(t)} select from json_array_elements(${payload}::json)`;
  } else if (req.prefs.missing === 'default') {
    // a key absent from a row takes the column default, not null; the default
    // expressions are Postgres' own text (pg_get_expr) and names are validated
    const values = columns.map((c) => {
      const fallback = req.table.defaults[c] ?? 'null';
      return `case when _pgrst_e.j ? '${c}' then _pgrst_r.${ident(c)} else ${fallback} end`;
    });
    dml =
      `insert into public.${ident(t)} (${list}) select ${values.join(', ')} ` +
      `from jsonb_array_elements(${payload}::jsonb) _pgrst_e(j) ` +
      `cross join lateral jsonb_populate_record(null::public.${ident(t)}, _pgrst_e.j) _pgrst_r`;
  } else {
    dml = `insert into public.${ident(t)} (${list}) select ${list} from json_populate_recordset(null::public.${ident(t)}, ${payload}::json) _pgrst_body`;
  }
  if (req.prefs.resolution) {
    const target = req.query.onConflict ?? req.table.primaryKey;
    if (target.length === 0) {
      throw pgrstError(
        400,
        'PGRST100',
        `An upsert on '${t}' needs on_conflict: the table has no primary key`,
      );
    }
    checkColumns(req.table, target);
    const conflict = `on conflict (${target.map(ident).join(', ')})`;
    const updates = columns.map((c) => `${ident(c)} = excluded.${ident(c)}`).join(', ');
    dml +=
      req.prefs.resolution === 'ignore-duplicates' || updates === ''
        ? ` ${conflict} do nothing`
        : ` ${conflict} do update set ${updates}`;
  }
  return mutate(tx, req, dml, p, 201);
}

async function update(tx: Queryable, req: TableRequest): Promise<ApiResponse> {
  const t = req.table.name;
  if (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) {
    throw pgrstError(400, 'PGRST102', 'Empty or invalid json');
  }
  const columns = Object.keys(req.body);
  checkColumns(req.table, columns);
  if (columns.length === 0) {
    // nothing to set: PostgREST answers without touching the table
    return req.prefs.return === 'representation'
      ? rawJsonResponse(
          200,
          req.neg.single ? pickBody({ body: '[]', first: null, count: 0 }, req.neg) : '[]',
        )
      : emptyResponse(204);
  }
  const p = new SqlParams();
  const sets = columns.map((c) => `${ident(c)} = _pgrst_body.${ident(c)}`).join(', ');
  const body = p.add(JSON.stringify(req.body));
  const where = whereClause(t, req, new Map(), p);
  const dml = `update public.${ident(t)} set ${sets} from (select * from json_populate_record(null::public.${ident(t)}, ${body}::json)) _pgrst_body${where}`;
  return mutate(tx, req, dml, p, 200);
}

async function remove(tx: Queryable, req: TableRequest): Promise<ApiResponse> {
  const t = req.table.name;
  const p = new SqlParams();
  const dml = `delete from public.${ident(t)}${whereClause(t, req, new Map(), p)}`;
  return mutate(tx, req, dml, p, 200);
}

export async function runTableRequest(tx: Queryable, req: TableRequest): Promise<ApiResponse> {
  switch (req.method) {
    case 'GET':
    case 'HEAD':
      return read(tx, req);
    case 'POST':
      return insert(tx, req);
    case 'PATCH':
      return update(tx, req);
    case 'DELETE':
      return remove(tx, req);
    default:
      throw pgrstError(405, 'PGRST117', `Unsupported HTTP method: ${req.method}`);
  }
}
