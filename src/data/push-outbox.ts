// Flushes the outbox in batches of at most 250 through `sync_push`. The server's
// per-client sequence makes every retry safe: a batch whose answer was lost is
// sent again and reported as replays with the original verdicts. Nothing is
// removed from the outbox before the server has answered for it.
//
// A batch the server refuses as a whole before sync_push even runs (a 4xx that is
// not about the session: PostgreSQL cannot read a NUL or a lone surrogate in
// json) would otherwise be retried forever with every later edit stuck behind
// it. Such a batch is halved until the entry it cannot read is sent alone and
// refused alone; that entry then goes as a stand-in the server can read and
// refuses (src/domain/sync-outbox.ts, toStandIn), and the device lists it on
// /sync with its own fields, as every refusal is listed. Nothing is cleaned on
// the device: the user's text is kept as typed, to fix and retry.
import { toMutation, toStandIn, type OutboxEntry } from '../domain/sync-outbox.ts';
import { pushResponseSchema, toRejectionReason, type PushResult } from '../domain/sync-protocol.ts';
import type { UserDatabase } from './open-user-database.ts';
import { refetchRows } from './refetch-rows.ts';
import { isBatchRefusal, type SyncServerError } from './sync-errors.ts';
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
  /** entries found unreadable in this flush, by seq: they go as stand-ins */
  const unreadable = new Map<number, SyncServerError>();
  /** the last seq of a refused batch still being narrowed down */
  let suspectTo: number | null = null;
  for (;;) {
    const queued = await db.outbox.orderBy('seq').limit(batchSize).toArray();
    const first = queued[0];
    if (!first) return summary;
    const entries = narrowed(queued, suspectTo);
    let answer: unknown;
    try {
      answer = await transport.call('sync_push', {
        p_client_id: first.clientId,
        p_mutations: entries.map((e) => (unreadable.has(e.seq) ? toStandIn(e) : toMutation(e))),
      });
    } catch (e) {
      if (!isBatchRefusal(e)) throw e;
      if (entries.length > 1) {
        // the entry it cannot read is among these: try their first half next
        suspectTo = entries.at(-1)?.seq ?? null;
        continue;
      }
      // refused alone, yet not for what it carries (its stand-in is refused too):
      // the server refuses every push; retried later like a server failure
      if (unreadable.has(first.seq)) throw e;
      unreadable.set(first.seq, e);
      suspectTo = null;
      continue;
    }
    const response = pushResponseSchema.parse(answer);
    summary.requests++;
    if (response.last_seq < first.seq - 1) {
      // the server has never seen sequences this device already dropped (e.g. it was
      // restored from a backup): continue under a fresh client id instead of wedging
      if (rotated) throw new Error('sync_push keeps answering with a gap');
      rotated = true;
      await rotateClient(db);
      // sequences are renumbered: what was found by seq is found again if need be
      unreadable.clear();
      suspectTo = null;
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
      // a stand-in's verdict says only that its placeholder was refused: the issue
      // tells why the entry itself could not go, and keeps what the user typed
      const refusal = unreadable.get(e.seq);
      const code = refusal ? refusal.code : r.code;
      return [
        {
          kind: 'rejected' as const,
          table: e.table,
          rowId: e.rowId,
          op: e.op,
          fields: e.fields,
          reason: refusal ? ('unreadable' as const) : toRejectionReason(r.reason),
          ...(code ? { code } : {}),
          message: refusal?.message ?? r.message ?? 'rejected by the server',
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

/**
 * The batch to send: the whole queue head, or while a refused batch is narrowed
 * down (its last seq `suspectTo`), the first half of what is left of it. A half
 * that goes through leaves the other half, which is halved in turn; a single
 * entry is sent alone, so only an entry refused on its own is ever called unreadable.
 */
function narrowed(queued: OutboxEntry[], suspectTo: number | null): OutboxEntry[] {
  if (suspectTo === null) return queued;
  const left = queued.filter((e) => e.seq <= suspectTo);
  if (left.length === 0) return queued;
  return left.slice(0, Math.ceil(left.length / 2));
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
