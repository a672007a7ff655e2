// Flushes the outbox in batches of at most 250 through `sync_push`. The server's
// per-client sequence makes every retry safe: a batch whose answer was lost is
// sent again and reported as replays with the original verdicts. Nothing is
// removed from the outbox before the server has answered for it.
import { toMutation, type OutboxEntry } from '../domain/sync-outbox.ts';
import { pushResponseSchema, toRejectionReason, type PushResult } from '../domain/sync-protocol.ts';
import type { UserDatabase } from './open-user-database.ts';
import { refetchRows } from './refetch-rows.ts';
import type { SyncTransport } from './sync-transport.ts';
import { updateUnverified } from './unverified-tables.ts';

export interface PushSummary {
  requests: number;
  applied: number;
  rejected: number;
}

export async function pushOutbox(
  db: UserDatabase,
  transport: SyncTransport,
  options: { batchSize?: number; now?: () => number } = {},
): Promise<PushSummary> {
  const batchSize = Math.min(options.batchSize ?? 250, 250);
  const now = options.now ?? Date.now;
  const summary: PushSummary = { requests: 0, applied: 0, rejected: 0 };
  let rotated = false;
  for (;;) {
    const entries = await db.outbox.orderBy('seq').limit(batchSize).toArray();
    const first = entries[0];
    if (!first) return summary;
    const response = pushResponseSchema.parse(
      await transport.call('sync_push', {
        p_client_id: first.clientId,
        p_mutations: entries.map(toMutation),
      }),
    );
    summary.requests++;
    if (response.last_seq < first.seq - 1) {
      // the server has never seen sequences this device already dropped (e.g. it was
      // restored from a backup): continue under a fresh client id instead of wedging
      if (rotated) throw new Error('sync_push keeps answering with a gap');
      rotated = true;
      await rotateClient(db);
      continue;
    }
    const results = new Map<number, PushResult>(response.results.map((r) => [r.seq, r]));
    const done = entries.filter((e) => e.seq <= response.last_seq);
    const lastDone = done.at(-1);
    if (!lastDone) return summary;
    const rejected: OutboxEntry[] = [];
    const issues = done.flatMap((e) => {
      const r = results.get(e.seq);
      if (r?.status !== 'rejected') return [];
      rejected.push(e);
      return [
        {
          kind: 'rejected' as const,
          table: e.table,
          rowId: e.rowId,
          op: e.op,
          fields: e.fields,
          reason: toRejectionReason(r.reason),
          ...(r.code ? { code: r.code } : {}),
          message: r.message ?? 'rejected by the server',
          at: now(),
        },
      ];
    });
    // one request per store: a batch of 250 answered entries is one round trip, not 250
    await db.transaction('rw', [db.outbox, db.issues, db.meta], async () => {
      if (issues.length) await db.issues.bulkAdd(issues);
      // the next pull checks what the device may see of the tables it wrote
      await updateUnverified(db, { add: new Set(done.map((e) => e.table)) });
      // the answered entries are the batch's first ones, and nothing else in the outbox
      // lies between them: one range delete (last_seq may be past the batch: replays)
      await db.outbox.where(':id').between(first.seq, lastDone.seq, true, true).delete();
    });
    summary.applied += done.length - rejected.length;
    summary.rejected += rejected.length;
    // revert: the device shows what the server holds for every refused change
    const byTable = new Map<string, string[]>();
    for (const e of rejected) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e.rowId]);
    for (const [table, ids] of byTable) await refetchRows(db, transport, table, ids);
    if (done.length < entries.length) return summary;
  }
}

/** a new client id and sequences renumbered from 1, in one transaction */
async function rotateClient(db: UserDatabase): Promise<void> {
  await db.transaction('rw', [db.outbox, db.meta], async () => {
    const entries = await db.outbox.orderBy('seq').toArray();
    const clientId = crypto.randomUUID();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, seq: i + 1, clientId })));
    await db.meta.bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'nextSeq', value: entries.length + 1 },
    ]);
  });
}
