// The wire shapes of the sync RPCs (supabase/migrations/*_sync.sql) and the model
// of what the user is shown when the server refuses or overrides a change.
import { z } from 'zod';
import { mutationOpSchema } from './sync-outbox-schema.ts';

export const rejectionReasonSchema = z.enum([
  'forbidden',
  'invalid',
  'conflict',
  'reference',
  'rule',
  'unknown_table',
  /** the server could not even read the change (e.g. a NUL or a lone surrogate): set by the device */
  'unreadable',
  'error',
]);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

export const pushResultSchema = z.object({
  seq: z.number().int(),
  status: z.enum(['applied', 'rejected', 'pending']),
  replay: z.boolean().optional(),
  code: z.string().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushResponseSchema = z.object({
  last_seq: z.number().int().nonnegative(),
  results: z.array(pushResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const pullCursorSchema = z.object({
  from: z.string(),
  to: z.string().optional(),
  table: z.number().optional(),
  xid: z.string().optional(),
  id: z.string().optional(),
});
export type PullCursor = z.infer<typeof pullCursorSchema>;

const rowSchema = z.looseObject({ id: z.string() });

export const pullResponseSchema = z.object({
  changes: z.array(z.object({ table: z.string(), rows: z.array(rowSchema) })),
  more: z.boolean(),
  cursor: pullCursorSchema,
  digests: z.record(z.string(), z.object({ count: z.number(), xor: z.string() })).optional(),
  /** same-field races the caller's devices lost (the loser is told) */
  conflicts: z
    .array(
      z.object({
        client_id: z.string(),
        seq: z.number(),
        table: z.string(),
        row_id: z.string(),
        field: z.string(),
        mine: z.unknown(),
        theirs: z.unknown(),
        by: z.string().nullable(),
      }),
    )
    .optional(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const rowsResponseSchema = z.array(rowSchema);
export const idsResponseSchema = z.array(z.string());

/** something the user must see: a refused change, or a change someone else overwrote */
export const syncIssueSchema = z.object({
  id: z.number().int().optional(),
  kind: z.enum(['rejected', 'superseded']),
  table: z.string(),
  rowId: z.string(),
  op: mutationOpSchema.optional(),
  /** what this device tried to write */
  fields: z.record(z.string(), z.unknown()),
  /** for superseded: the values that won */
  theirs: z.record(z.string(), z.unknown()).optional(),
  /** for superseded: the user whose later write won */
  by: z.string().optional(),
  reason: z.union([rejectionReasonSchema, z.literal('superseded')]),
  code: z.string().optional(),
  message: z.string(),
  /** device clock, for display */
  at: z.number(),
});
export type SyncIssue = z.infer<typeof syncIssueSchema>;

/** a server reason string, narrowed to the known set */
export function toRejectionReason(reason: string | undefined): RejectionReason {
  const parsed = rejectionReasonSchema.safeParse(reason);
  return parsed.success ? parsed.data : 'error';
}
