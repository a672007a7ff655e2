import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { idsDigest } from '../domain/ids-digest.ts';
import { applyLocalChange } from './apply-local-change.ts';
import { openUserDatabase, type UserDatabase } from './open-user-database.ts';
import { pullChanges } from './pull-changes.ts';
import { pushOutbox } from './push-outbox.ts';
import type { SyncTransport } from './sync-transport.ts';
import { readUnverified } from './unverified-tables.ts';

const tables = [
  { name: 'athletes', indexes: [], since: 1 },
  { name: 'rank_history', indexes: [], since: 1 },
];
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function open(): Promise<UserDatabase> {
  return openUserDatabase('00000000-0000-4000-8000-0000000000a1', {
    tables,
    dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
}

/** a server holding `ids` of athletes; its pull sends the digests `digestsFor` names */
function server(ids: string[], digestsFor: (check: string[]) => string[]) {
  const checks: string[][] = [];
  const transport: SyncTransport = {
    currentUser: async () => null,
    refresh: async () => null,
    async call(fn, args) {
      if (fn === 'sync_push') {
        const mutations = args.p_mutations as { seq: number }[];
        return {
          last_seq: mutations.at(-1)?.seq ?? 0,
          results: mutations.map((m) => ({ seq: m.seq, status: 'applied' })),
        };
      }
      if (fn === 'sync_pull') {
        const check = (args.p_check as string[] | undefined) ?? [];
        checks.push(check);
        const all = { athletes: ids, rank_history: [] as string[] };
        return {
          changes: [],
          more: false,
          cursor: { from: '10' },
          digests: Object.fromEntries(
            digestsFor(check).map((t) => {
              const held = all[t as keyof typeof all];
              return [t, { count: held.length, xor: idsDigest(held) }];
            }),
          ),
        };
      }
      if (fn === 'sync_ids') return args.p_table === 'athletes' ? ids : [];
      if (fn === 'sync_rows') return (args.p_ids as string[]).map((i) => ({ id: i }));
      throw new Error(`unexpected ${fn}`);
    },
  };
  return { transport, checks };
}

describe('pullChanges and the access epoch', () => {
  it('asks for the digest of a table it pushed to until one matches', async () => {
    const db = await open();
    await applyLocalChange(db, { table: 'athletes', op: 'insert', row: { id: id(1) } });
    // the server took the insert but the user may not see the row: it holds nothing
    const s = server([], (check) => check);
    await pushOutbox(db, s.transport);
    expect([...(await readUnverified(db))]).toEqual(['athletes']);

    const first = await pullChanges(db, s.transport);
    expect(s.checks[0]).toEqual(['athletes']);
    expect(first.reconciled).toEqual(['athletes']);
    expect(await db.store('athletes').count()).toBe(0);
    // reconciled: checked once more, then no longer
    expect([...(await readUnverified(db))]).toEqual(['athletes']);
    const second = await pullChanges(db, s.transport);
    expect(second.reconciled).toEqual([]);
    expect([...(await readUnverified(db))]).toEqual([]);
    await pullChanges(db, s.transport);
    expect(s.checks[2]).toEqual([]);
  });

  it('asks for tables with edits still waiting, and compares what the epoch sends', async () => {
    const db = await open();
    await db.store('athletes').bulkPut([{ id: id(1) }, { id: id(2) }]);
    await applyLocalChange(db, { table: 'rank_history', op: 'insert', row: { id: id(9) } });
    // the server's epoch moved for athletes: it sends that digest too; id 2 was revoked
    const s = server([id(1)], (check) => [...check, 'athletes']);
    const summary = await pullChanges(db, s.transport);
    expect(s.checks[0]).toEqual(['rank_history']);
    // rank_history differs too (the server does not have the pending row): reconciled, row kept
    expect(summary.reconciled).toEqual(['athletes', 'rank_history']);
    expect(await db.store('athletes').toCollection().primaryKeys()).toEqual([id(1)]);
    expect(await db.store('rank_history').count()).toBe(1);
    // the pending row keeps its table unverified; athletes is checked again next time
    expect([...(await readUnverified(db))].sort()).toEqual(['athletes', 'rank_history']);
  });
});
