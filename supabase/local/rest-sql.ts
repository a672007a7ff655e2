// The parsed PostgREST query (rest-query.ts) as SQL fragments. Identifiers were
// validated by the parser and are double-quoted here; every value becomes a bind
// parameter typed `unknown`, so Postgres infers it from the column it meets, as
// it does for PostgREST's literals.
import type { Condition, Field, FilterLeaf, OrderTerm, SelectItem } from './rest-query.ts';
import { fieldName, QueryParseError } from './rest-query.ts';

export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `"alias"."col"->'k'->>'j'` (numeric keys index arrays, as in PostgREST) */
export function fieldSql(alias: string, field: Field, p: SqlParams): string {
  let sql = `${ident(alias)}.${ident(field.column)}`;
  for (const step of field.path) {
    const key = /^-?\d+$/.test(step.key) ? String(Number(step.key)) : `${p.add(step.key)}::text`;
    sql += `${step.arrow}${key}`;
  }
  return sql;
}

const comparison: Record<string, string> = {
  eq: '=',
  neq: '<>',
  gt: '>',
  gte: '>=',
  lt: '<',
  lte: '<=',
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
  cs: '@>',
  cd: '<@',
  ov: '&&',
  sl: '<<',
  sr: '>>',
  nxl: '&>',
  nxr: '&<',
  adj: '-|-',
};

const textSearch: Record<string, string> = {
  fts: 'to_tsquery',
  plfts: 'plainto_tsquery',
  phfts: 'phraseto_tsquery',
  wfts: 'websearch_to_tsquery',
};

/** Postgres array literal for a list of text values: {"a","b \"c\""} */
export function arrayLiteral(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function leafSql(alias: string, leaf: FilterLeaf, p: SqlParams): string {
  const f = fieldSql(alias, leaf.field, p);
  const value = leaf.value;
  let sql: string;
  if (leaf.quantifier) {
    const list = Array.isArray(value) ? value : [value];
    sql = `${f} ${comparison[leaf.op]} ${leaf.quantifier}(${p.add(arrayLiteral(list))})`;
  } else if (leaf.op === 'in') {
    const list = Array.isArray(value) ? value : [value];
    sql = list.length === 0 ? 'false' : `${f} in (${list.map((v) => p.add(v)).join(', ')})`;
  } else if (leaf.op === 'is') {
    sql = value === 'not_null' ? `${f} is not null` : `${f} is ${value as string}`;
  } else if (leaf.op === 'isdistinct') {
    sql = `${f} is distinct from ${p.add(value)}`;
  } else if (leaf.op in textSearch) {
    const config = leaf.config ? `${p.add(leaf.config)}::regconfig, ` : '';
    sql = `${f} @@ ${textSearch[leaf.op]}(${config}${p.add(value)})`;
  } else {
    const op = comparison[leaf.op];
    if (!op) throw new QueryParseError(`unsupported operator ${leaf.op}`);
    sql = `${f} ${op} ${p.add(value)}`;
  }
  return leaf.negate ? `not (${sql})` : sql;
}

export function conditionSql(alias: string, c: Condition, p: SqlParams): string {
  if (c.kind === 'filter') return leafSql(alias, c, p);
  const joined = c.children.length
    ? c.children.map((child) => conditionSql(alias, child, p)).join(` ${c.kind} `)
    : c.kind === 'and'
      ? 'true'
      : 'false';
  return c.negate ? `not (${joined})` : `(${joined})`;
}

/** ` where …` or '' */
export function whereSql(alias: string, filters: Condition[], p: SqlParams): string {
  if (filters.length === 0) return '';
  return ` where ${filters.map((c) => conditionSql(alias, c, p)).join(' and ')}`;
}

/** ` order by …` or '' */
export function orderSql(alias: string, order: OrderTerm[], p: SqlParams): string {
  if (order.length === 0) return '';
  const terms = order.map((t) => {
    const nulls = t.nulls ? ` nulls ${t.nulls}` : '';
    return `${fieldSql(alias, t.field, p)} ${t.direction}${nulls}`;
  });
  return ` order by ${terms.join(', ')}`;
}

/** ` limit … offset …` or '' (numbers were validated by the parser) */
export function rangeSql(limit: number | undefined, offset: number | undefined): string {
  return `${limit !== undefined ? ` limit ${limit}` : ''}${offset ? ` offset ${offset}` : ''}`;
}

/**
 * The select list over `alias` for plain columns and `*`; embedded resources
 * are rendered by the caller through `embed`.
 */
export function selectListSql(
  alias: string,
  items: SelectItem[],
  p: SqlParams,
  embed: (item: Extract<SelectItem, { kind: 'embed' }>) => string,
): string {
  const parts = items.map((item) => {
    if (item.kind === 'star') return `${ident(alias)}.*`;
    if (item.kind === 'embed') return embed(item);
    let sql = fieldSql(alias, item.field, p);
    // the parser allowed only `name` or `name[]` as a cast type
    if (item.cast) sql = `(${sql})::${item.cast}`;
    return `${sql} as ${ident(item.alias ?? fieldName(item.field))}`;
  });
  return parts.join(', ');
}

/** the table columns a select list reads, for `returning` (null = all) */
export function referencedColumns(items: SelectItem[]): string[] | null {
  const columns = new Set<string>();
  for (const item of items) {
    if (item.kind === 'star') return null;
    if (item.kind === 'column') columns.add(item.field.column);
    // an embed joins on the row's keys; take the whole row to have them
    if (item.kind === 'embed') return null;
  }
  return [...columns];
}
