import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from './apply-local-change.ts';
import { openUserDatabase } from './open-user-database.ts';
import { pushOutbox } from './push-outbox.ts';
import type { SyncTransport } from './sync-transport.ts';

const tables = [{ name: 'athletes', indexes: [], since: 1 }];

describe('pushOutbox', () => {
  it('continues under a new client id when the server lost its sequence (never wedges)', async () => {
    const db = await openUserDatabase('00000000-0000-4000-8000-0000000000a1', {
      tables,
      dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
    });
    for (let i = 1; i <= 3; i++) {
      await applyLocalChange(db, {
        table: 'athletes',
        op: 'insert',
        row: { id: `00000000-0000-4000-8000-00000000000${i}`, n: i },
      });
    }
    // the first two were acknowledged earlier; then the server was restored from a backup
    await db.outbox.bulkDelete([1, 2]);
    const calls: { client: unknown; seqs: number[] }[] = [];
    const transport: SyncTransport = {
      currentUser: async () => null,
      refresh: async () => null,
      async call(_fn, args) {
        const mutations = args.p_mutations as { seq: number }[];
        calls.push({ client: args.p_client_id, seqs: mutations.map((m) => m.seq) });
        if (calls.length === 1)
          return {
            last_seq: 0,
            results: mutations.map((m) => ({ seq: m.seq, status: 'pending' })),
          };
        return {
          last_seq: mutations.at(-1)?.seq ?? 0,
          results: mutations.map((m) => ({ seq: m.seq, status: 'applied' })),
        };
      },
    };
    const summary = await pushOutbox(db, transport);
    expect(calls.map((c) => c.seqs)).toEqual([[3], [1]]);
    expect(calls[0]?.client).not.toBe(calls[1]?.client);
    expect(summary).toMatchObject({ requests: 2, applied: 1 });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.meta.get('nextSeq'))?.value).toBe(2);
  });
});
