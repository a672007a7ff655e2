// PostgREST's query-string grammar (the part supabase-js emits) parsed into a
// small tree; rest-sql.ts turns the tree into SQL. Identifiers are restricted to
// [A-Za-z_][A-Za-z0-9_]* so nothing from the URL ever reaches SQL unquoted, and
// every value travels as a bind parameter.

export interface JsonPathStep {
  arrow: '->' | '->>';
  key: string;
}

export interface Field {
  column: string;
  path: JsonPathStep[];
}

export type SelectItem =
  | { kind: 'star' }
  | { kind: 'column'; field: Field; alias?: string; cast?: string }
  | {
      kind: 'embed';
      relation: string;
      alias?: string;
      hint?: string;
      inner: boolean;
      select: SelectItem[];
    };

export type Operator =
  | 'eq'
  | 'neq'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'like'
  | 'ilike'
  | 'match'
  | 'imatch'
  | 'in'
  | 'is'
  | 'isdistinct'
  | 'cs'
  | 'cd'
  | 'ov'
  | 'sl'
  | 'sr'
  | 'nxl'
  | 'nxr'
  | 'adj'
  | 'fts'
  | 'plfts'
  | 'phfts'
  | 'wfts';

export type IsValue = 'null' | 'not_null' | 'true' | 'false' | 'unknown';

export interface FilterLeaf {
  kind: 'filter';
  field: Field;
  negate: boolean;
  op: Operator;
  /** `eq(any).{a,b}` and friends */
  quantifier?: 'any' | 'all';
  /** a list for `in` and quantified operators, otherwise one value */
  value: string | string[];
  /** text search configuration of `fts(english)` */
  config?: string;
}

export interface FilterTree {
  kind: 'and' | 'or';
  negate: boolean;
  children: Condition[];
}

export type Condition = FilterLeaf | FilterTree;

export interface OrderTerm {
  field: Field;
  direction: 'asc' | 'desc';
  nulls?: 'first' | 'last';
}

export interface ParsedQuery {
  select: SelectItem[];
  filters: Condition[];
  order: OrderTerm[];
  limit?: number;
  offset?: number;
  onConflict?: string[];
  columns?: string[];
}

/** A malformed query string: PostgREST answers 400 PGRST100. */
export class QueryParseError extends Error {
  constructor(
    message: string,
    readonly details: string | null = null,
  ) {
    super(message);
    this.name = 'QueryParseError';
  }
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
const castType = /^[A-Za-z_][A-Za-z0-9_]*(\[\])?$/;

export function isIdentifier(name: string): boolean {
  return identifier.test(name);
}

export function requireIdentifier(name: string, what: string): string {
  if (!identifier.test(name)) throw new QueryParseError(`invalid ${what} "${name}"`);
  return name;
}

const operators = new Set<string>([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
  'in',
  'is',
  'isdistinct',
  'cs',
  'cd',
  'ov',
  'sl',
  'sr',
  'nxl',
  'nxr',
  'adj',
  'fts',
  'plfts',
  'phfts',
  'wfts',
]);
const quantifiable = new Set([
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'like',
  'ilike',
  'match',
  'imatch',
]);
const isValues = new Set(['null', 'not_null', 'true', 'false', 'unknown']);

/** Reserved keys; everything else in the query string is a filter (or an RPC argument). */
export const reservedParams = new Set([
  'select',
  'order',
  'limit',
  'offset',
  'on_conflict',
  'columns',
]);

/**
 * Splits on `sep` at nesting depth 0, honouring double-quoted strings (with
 * backslash escapes) and parentheses/braces.
 */
export function splitTopLevel(text: string, sep = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < text.length) current += text[++i];
      else if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === '(' || c === '{') depth++;
    else if (c === ')' || c === '}') depth--;
    if (depth < 0) throw new QueryParseError(`unbalanced parentheses in "${text}"`);
    if (c === sep && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  if (quoted || depth !== 0)
    throw new QueryParseError(`unbalanced quotes or parentheses in "${text}"`);
  parts.push(current);
  return parts;
}

/** `"a \"b\""` → `a "b"`; unquoted text is returned as is. */
export function unquote(text: string): string {
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) {
    return text.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return text;
}

/** `col`, `col->key`, `col->0->>key` */
export function parseField(text: string): Field {
  const pieces = text.split(/(->>|->)/);
  const column = requireIdentifier(pieces[0] ?? '', 'column');
  const path: JsonPathStep[] = [];
  for (let i = 1; i < pieces.length; i += 2) {
    const arrow = pieces[i] as '->' | '->>';
    const key = pieces[i + 1] ?? '';
    if (key === '') throw new QueryParseError(`empty JSON key in "${text}"`);
    path.push({ arrow, key: unquote(key) });
  }
  return { column, path };
}

/** The key a field gets in the JSON output: the last JSON key, else the column. */
export function fieldName(field: Field): string {
  const last = field.path[field.path.length - 1];
  return last ? last.key : field.column;
}

function parseList(text: string, open: string, close: string): string[] {
  if (!text.startsWith(open) || !text.endsWith(close)) {
    throw new QueryParseError(`expected a list in ${open}${close}: "${text}"`);
  }
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  return splitTopLevel(inner).map((v) => unquote(v));
}

/**
 * `[not.]op[(any|all)|(config)].value` as it appears after `column=` or inside a
 * logic tree; `inTree` values may be double-quoted.
 */
export function parseOperation(field: Field, text: string, inTree = false): FilterLeaf {
  let rest = text;
  let negate = false;
  if (rest.startsWith('not.')) {
    negate = true;
    rest = rest.slice(4);
  }
  const dot = rest.indexOf('.');
  if (dot < 0) throw new QueryParseError(`failed to parse filter (${text})`);
  const opToken = rest.slice(0, dot);
  const operand = rest.slice(dot + 1);
  const m = /^([a-z]+)(?:\(([A-Za-z_][A-Za-z0-9_]*)\))?$/.exec(opToken);
  if (!m?.[1] || !operators.has(m[1])) {
    throw new QueryParseError(`failed to parse filter (${text})`, `unknown operator "${opToken}"`);
  }
  const op = m[1] as Operator;
  const modifier = m[2];
  const leaf: FilterLeaf = { kind: 'filter', field, negate, op, value: '' };
  if (modifier === 'any' || modifier === 'all') {
    if (!quantifiable.has(op)) throw new QueryParseError(`operator ${op} takes no (${modifier})`);
    leaf.quantifier = modifier;
    leaf.value = parseList(operand, '{', '}').map((v) =>
      op === 'like' || op === 'ilike' ? v.replace(/\*/g, '%') : v,
    );
    return leaf;
  }
  if (modifier !== undefined) {
    if (!op.endsWith('fts')) throw new QueryParseError(`operator ${op} takes no (${modifier})`);
    leaf.config = modifier;
  }
  switch (op) {
    case 'in':
      leaf.value = parseList(operand, '(', ')');
      break;
    case 'is': {
      const v = operand.toLowerCase();
      if (!isValues.has(v))
        throw new QueryParseError(
          `failed to parse filter (${text})`,
          'is takes null, not_null, true, false or unknown',
        );
      leaf.value = v;
      break;
    }
    case 'like':
    case 'ilike':
      leaf.value = (inTree ? unquote(operand) : operand).replace(/\*/g, '%');
      break;
    default:
      leaf.value = inTree ? unquote(operand) : operand;
  }
  return leaf;
}

/** The inside of `or=(…)` / `and(…)`. */
export function parseTree(kind: 'and' | 'or', negate: boolean, text: string): FilterTree {
  if (!text.startsWith('(') || !text.endsWith(')')) {
    throw new QueryParseError(`failed to parse logic tree (${text})`);
  }
  const children = splitTopLevel(text.slice(1, -1)).map((item): Condition => {
    const nested = /^(not\.)?(and|or)(\(.*\))$/s.exec(item);
    if (nested)
      return parseTree(nested[2] as 'and' | 'or', nested[1] !== undefined, nested[3] as string);
    const dot = item.indexOf('.');
    if (dot < 0) throw new QueryParseError(`failed to parse logic tree (${text})`);
    return parseOperation(parseField(item.slice(0, dot)), item.slice(dot + 1), true);
  });
  return { kind, negate, children };
}

export function parseSelect(text: string): SelectItem[] {
  if (text.trim() === '') return [{ kind: 'star' }];
  return splitTopLevel(text).map(parseSelectItem);
}

function parseSelectItem(raw: string): SelectItem {
  const item = raw.trim();
  if (item === '*') return { kind: 'star' };
  if (item.startsWith('...'))
    throw new QueryParseError(`spread embedding is not supported: "${item}"`);
  let alias: string | undefined;
  let body = item;
  const aliased = /^([A-Za-z_][A-Za-z0-9_]*):(?!:)(.+)$/s.exec(item);
  if (aliased) {
    alias = aliased[1];
    body = aliased[2] as string;
  }
  const embed = /^([A-Za-z_][A-Za-z0-9_]*)((?:![A-Za-z_][A-Za-z0-9_]*)*)\((.*)\)$/s.exec(body);
  if (embed) {
    const marks = (embed[2] ?? '').split('!').filter(Boolean);
    const inner = marks.includes('inner');
    const hints = marks.filter((m) => m !== 'inner' && m !== 'left');
    if (hints.length > 1) throw new QueryParseError(`too many hints in "${item}"`);
    return {
      kind: 'embed',
      relation: embed[1] as string,
      ...(alias ? { alias } : {}),
      ...(hints[0] ? { hint: hints[0] } : {}),
      inner,
      select: parseSelect(embed[3] as string),
    };
  }
  if (/\(|\)/.test(body)) throw new QueryParseError(`aggregates are not supported: "${item}"`);
  const castAt = body.indexOf('::');
  let cast: string | undefined;
  if (castAt >= 0) {
    cast = body.slice(castAt + 2);
    body = body.slice(0, castAt);
    if (!castType.test(cast)) throw new QueryParseError(`invalid cast "${cast}"`);
  }
  return {
    kind: 'column',
    field: parseField(body),
    ...(alias ? { alias } : {}),
    ...(cast ? { cast } : {}),
  };
}

export function parseOrder(text: string): OrderTerm[] {
  return splitTopLevel(text).map((term) => {
    const [fieldText = '', ...mods] = term.split('.');
    if (/\(/.test(fieldText))
      throw new QueryParseError(`ordering by embedded resources is not supported: "${term}"`);
    const out: OrderTerm = { field: parseField(fieldText), direction: 'asc' };
    for (const mod of mods) {
      if (mod === 'asc' || mod === 'desc') out.direction = mod;
      else if (mod === 'nullsfirst') out.nulls = 'first';
      else if (mod === 'nullslast') out.nulls = 'last';
      else throw new QueryParseError(`failed to parse order (${text})`, `unexpected "${mod}"`);
    }
    return out;
  });
}

function parseCount(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new QueryParseError(`failed to parse ${what} (${text})`);
  return Number(text);
}

/** `"a","b"` or `a,b` → ['a', 'b'] */
export function parseColumnList(text: string, what: string): string[] {
  return splitTopLevel(text).map((c) => requireIdentifier(unquote(c.trim()), what));
}

/**
 * Parses a table or RPC query string. `isArgument` claims keys that are RPC
 * arguments (GET /rpc/fn?x=1) so they are not read as filters.
 */
export function parseQuery(
  params: URLSearchParams,
  isArgument: (key: string) => boolean = () => false,
): ParsedQuery {
  const out: ParsedQuery = { select: [{ kind: 'star' }], filters: [], order: [] };
  for (const [key, value] of params) {
    if (isArgument(key)) continue;
    switch (key) {
      case 'select':
        out.select = parseSelect(value);
        break;
      case 'order':
        out.order = parseOrder(value);
        break;
      case 'limit':
        out.limit = parseCount(value, 'limit');
        break;
      case 'offset':
        out.offset = parseCount(value, 'offset');
        break;
      case 'on_conflict':
        out.onConflict = parseColumnList(value, 'on_conflict column');
        break;
      case 'columns':
        out.columns = parseColumnList(value, 'column');
        break;
      case 'or':
      case 'and':
        out.filters.push(parseTree(key, false, value));
        break;
      case 'not.or':
      case 'not.and':
        out.filters.push(parseTree(key.slice(4) as 'and' | 'or', true, value));
        break;
      default:
        if (key.includes('.')) {
          throw new QueryParseError(`filters on embedded resources are not supported: "${key}"`);
        }
        out.filters.push(parseOperation(parseField(key), value));
    }
  }
  return out;
}
