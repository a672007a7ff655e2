// The outbox entry's shape as zod checks it (types in sync-outbox.ts). Apart from
// the pure rules so that code drawing the roster needs no zod.
import { z } from 'zod';

export const mutationOpSchema = z.enum(['insert', 'update', 'delete']);

export const tableNameSchema = z.string().regex(/^[a-z_][a-z0-9_]*$/);

export const outboxEntrySchema = z.object({
  /** strictly increasing per client, contiguous from 1 */
  seq: z.number().int().positive(),
  /** the device (one per user database) */
  clientId: z.guid(),
  table: tableNameSchema,
  rowId: z.guid(),
  op: mutationOpSchema,
  /** only the fields the edit changed (all given fields for an insert, none for a delete) */
  fields: z.record(z.string(), z.unknown()),
  /**
   * for an update: the values the device held before the edit. The server uses
   * them only to tell the device whose value this write replaces unseen.
   */
  base: z.record(z.string(), z.unknown()).optional(),
  /** device clock, for display only: client clocks never order anything */
  createdAt: z.number(),
});
