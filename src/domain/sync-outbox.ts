// The outbox entry: one local edit waiting for the server (ARCHITECTURE §5).
// Pure rules only: shapes, validation, and which fields an edit changed.
import type { z } from 'zod';
// the schemas live apart so the shell's first load carries no zod; types come from them
import type { mutationOpSchema, outboxEntrySchema } from './sync-outbox-schema.ts';

/** a synced row as devices store it: an id plus columns, JSON values only */
export type SyncRow = { id: string } & Record<string, unknown>;

export type MutationOp = z.infer<typeof mutationOpSchema>;
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

/** what `public.sync_push` receives per entry */
export interface Mutation {
  seq: number;
  table: string;
  id: string;
  op: MutationOp;
  fields: Record<string, unknown>;
  base?: Record<string, unknown>;
}

export function toMutation(entry: OutboxEntry): Mutation {
  const m: Mutation = {
    seq: entry.seq,
    table: entry.table,
    id: entry.rowId,
    op: entry.op,
    fields: entry.fields,
  };
  if (entry.base) m.base = entry.base;
  return m;
}

/**
 * What is pushed in place of an entry the server cannot read (its batch was
 * refused before sync_push ran, e.g. `22P05` for a NUL): the same seq, table,
 * row and op with `fields` that are not an object, which sync_push refuses as
 * invalid without touching any row. The server records the refusal and moves the
 * client's sequence past it, so the entries behind it go through; the device
 * keeps the entry's own fields in the issue it shows on /sync.
 */
export function toStandIn(entry: OutboxEntry): Omit<Mutation, 'fields'> & { fields: string } {
  return {
    seq: entry.seq,
    table: entry.table,
    id: entry.rowId,
    op: entry.op,
    fields: 'unreadable by the server: kept on the device',
  };
}

/** deep equality of JSON values (key order of objects ignored) */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // undefined and null are the same absence for a column
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => jsonEquals(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!jsonEquals(ao[k], bo[k])) return false;
  return true;
}

/** the fields of `patch` whose values differ from `before` (id never counts) */
export function changedFields(
  before: Readonly<Record<string, unknown>> | undefined,
  patch: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'id' || v === undefined) continue;
    if (!before || !jsonEquals(before[k], v)) out[k] = v;
  }
  return out;
}

/** the pending local edits of one row, summarised for merging pulled data */
export interface PendingChange {
  /** the newest pending edit deletes the row */
  deleted: boolean;
  /** the row was created on this device and not yet acknowledged */
  inserted: boolean;
  /** fields with a pending local value */
  fields: ReadonlySet<string>;
}

export function rowKey(table: string, rowId: string): string {
  return `${table}\u0000${rowId}`;
}

/** folds outbox entries (in seq order) into per-row pending changes */
export function pendingByRow(entries: readonly OutboxEntry[]): Map<string, PendingChange> {
  const out = new Map<string, { deleted: boolean; inserted: boolean; fields: Set<string> }>();
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    const key = rowKey(e.table, e.rowId);
    const p = out.get(key) ?? { deleted: false, inserted: false, fields: new Set<string>() };
    if (e.op === 'delete') p.deleted = true;
    else {
      if (e.op === 'insert') {
        p.inserted = true;
        p.deleted = false;
      }
      for (const f of Object.keys(e.fields)) p.fields.add(f);
    }
    out.set(key, p);
  }
  return out;
}
