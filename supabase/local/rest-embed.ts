// Resource embedding (`select=*,owner:profiles(name)`) over a direct foreign key:
// many-to-one gives an object (or null), one-to-many an array. Junction-table
// (many-to-many) embedding and spreads are not part of this narrow gateway.
import type { Queryable } from './db/database.ts';
import { type ForeignKey, findTable, foreignKeysBetween } from './rest-catalog.ts';
import { pgrstError } from './rest-errors.ts';
import type { SelectItem } from './rest-query.ts';
import { type SqlParams, ident, selectListSql } from './rest-sql.ts';

type EmbedItem = Extract<SelectItem, { kind: 'embed' }>;

export interface ResolvedEmbed {
  table: string;
  /** unique SQL alias of the embedded table */
  alias: string;
  /** one = many-to-one (object), many = one-to-many (array) */
  cardinality: 'one' | 'many';
  /** [outer column, embedded column] pairs */
  joins: [string, string][];
  inner: boolean;
  key: string;
  select: SelectItem[];
  children: Map<EmbedItem, ResolvedEmbed>;
}

export type EmbedMap = Map<EmbedItem, ResolvedEmbed>;

function matchesHint(fk: ForeignKey, hint: string | undefined): boolean {
  if (!hint) return true;
  return fk.name === hint || fk.columns.includes(hint) || fk.refColumns.includes(hint);
}

/** Looks up the relationships of every embed in `items` (recursively). */
export async function resolveEmbeds(
  tx: Queryable,
  table: string,
  items: SelectItem[],
  counter: { n: number } = { n: 0 },
): Promise<EmbedMap> {
  const out: EmbedMap = new Map();
  for (const item of items) {
    if (item.kind !== 'embed') continue;
    const notFound = pgrstError(
      400,
      'PGRST200',
      `Could not find a relationship between '${table}' and '${item.relation}' in the schema cache`,
      `Searched for a foreign key relationship between '${table}' and '${item.relation}'${item.hint ? ` using the hint '${item.hint}'` : ''} in the schema 'public', but no matches were found.`,
    );
    if (item.relation === table || !(await findTable(tx, item.relation))) throw notFound;
    const fks = (await foreignKeysBetween(tx, table, item.relation)).filter((fk) =>
      matchesHint(fk, item.hint),
    );
    if (fks.length === 0) throw notFound;
    if (fks.length > 1) {
      throw pgrstError(
        300,
        'PGRST201',
        `Could not embed because more than one relationship was found for '${table}' and '${item.relation}'`,
        fks.map((fk) => fk.name).join(', '),
        `Try changing '${item.relation}' to one of the foreign keys, e.g. '${item.relation}!${fks[0]?.name}'.`,
      );
    }
    const fk = fks[0] as ForeignKey;
    const manyToOne = fk.table === table;
    const joins: [string, string][] = fk.columns.map((c, i) => {
      const ref = fk.refColumns[i] as string;
      return manyToOne ? [c, ref] : [ref, c];
    });
    counter.n += 1;
    out.set(item, {
      table: item.relation,
      alias: `_pgrst_e${counter.n}`,
      cardinality: manyToOne ? 'one' : 'many',
      joins,
      inner: item.inner,
      key: item.alias ?? item.relation,
      select: item.select,
      children: await resolveEmbeds(tx, item.relation, item.select, counter),
    });
  }
  return out;
}

function subquerySql(outerAlias: string, e: ResolvedEmbed, p: SqlParams): string {
  const list = selectListSql(e.alias, e.select, p, (child) =>
    embedSql(e.alias, e.children, child, p),
  );
  const on = e.joins
    .map(
      ([outer, inner]) =>
        `${ident(e.alias)}.${ident(inner)} = ${ident(outerAlias)}.${ident(outer)}`,
    )
    .join(' and ');
  return `select ${list} from public.${ident(e.table)} ${ident(e.alias)} where ${on}`;
}

/** the select-list entry for one embed: `(subquery) as "key"` */
export function embedSql(
  outerAlias: string,
  embeds: EmbedMap,
  item: EmbedItem,
  p: SqlParams,
): string {
  const e = embeds.get(item);
  if (!e) throw new Error(`unresolved embed ${item.relation}`);
  const sub = subquerySql(outerAlias, e, p);
  const value =
    e.cardinality === 'one'
      ? `(select to_json(_pgrst_r) from (${sub}) _pgrst_r limit 1)`
      : `(select coalesce(json_agg(_pgrst_r), '[]') from (${sub}) _pgrst_r)`;
  return `${value} as ${ident(e.key)}`;
}

/** `!inner` embeds keep only outer rows that have a match */
export function innerEmbedConditions(outerAlias: string, embeds: EmbedMap): string[] {
  const out: string[] = [];
  for (const e of embeds.values()) {
    if (!e.inner) continue;
    const on = e.joins
      .map(
        ([outer, inner]) =>
          `${ident(e.alias)}.${ident(inner)} = ${ident(outerAlias)}.${ident(outer)}`,
      )
      .join(' and ');
    out.push(`exists (select 1 from public.${ident(e.table)} ${ident(e.alias)} where ${on})`);
  }
  return out;
}
