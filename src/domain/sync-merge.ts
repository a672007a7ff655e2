// Applying what the server says to a device that may have edits of its own.
// The server decides conflicts (per-field last-writer-wins in its own order); a
// device only refuses to overwrite fields it has not yet pushed.
import type { PendingChange, SyncRow } from './sync-outbox.ts';

/**
 * The row a device should hold after pulling `pulled` (the server's row, possibly a
 * tombstone with `deleted_at` set), given its local row and its pending edits.
 * `null` means the row must be absent locally.
 */
export function mergePulledRow(
  local: SyncRow | undefined,
  pulled: SyncRow,
  pending: PendingChange | undefined,
): SyncRow | null {
  if (!pending) return isTombstone(pulled) ? null : pulled;
  // a pending local delete keeps the row gone until the server's verdict
  if (pending.deleted) return null;
  // the server deleted it but we have edits in flight: keep ours; the push will be
  // rejected and reported, and the revert then removes the row
  if (isTombstone(pulled)) return local ?? null;
  if (!local) return pulled;
  const merged: SyncRow = { ...pulled };
  for (const f of pending.fields) merged[f] = local[f];
  return merged;
}

export function isTombstone(row: Readonly<Record<string, unknown>>): boolean {
  return row.deleted_at !== null && row.deleted_at !== undefined;
}
