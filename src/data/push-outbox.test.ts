import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { applyLocalChange } from './apply-local-change.ts';
import { openUserDatabase } from './open-user-database.ts';
import { pushOutbox } from './push-outbox.ts';
import { SyncServerError } from './sync-errors.ts';
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

  describe('a batch the server cannot read', () => {
    /** a lone surrogate escape as JSON.stringify writes it */
    const loneSurrogate =
      /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/i;

    /**
     * sync_push as PostgREST and PostgreSQL answer it: a body holding `\u0000` or a
     * lone surrogate escape is refused whole (400) before the function runs; else
     * each mutation is applied in seq order, one whose fields are not an object refused
     */
    function fakeServer(refuseAll = false) {
      const state = { lastSeq: 0, calls: [] as number[][], applied: [] as unknown[] };
      const transport: SyncTransport = {
        currentUser: async () => null,
        refresh: async () => null,
        async call(fn, args) {
          const mutations = args.p_mutations as { seq: number; fields: unknown }[];
          if (fn !== 'sync_push') return [];
          state.calls.push(mutations.map((m) => m.seq));
          const body = JSON.stringify(args);
          if (refuseAll || body.includes('\\u0000') || loneSurrogate.test(body)) {
            throw new SyncServerError(
              'sync_push: 22P05 unsupported Unicode escape sequence',
              400,
              '22P05',
            );
          }
          const results = mutations.map((m) => {
            if (m.seq <= state.lastSeq) return { seq: m.seq, status: 'applied', replay: true };
            state.lastSeq = m.seq;
            if (typeof m.fields !== 'object') {
              return { seq: m.seq, status: 'rejected', reason: 'invalid', code: '22023' };
            }
            state.applied.push(m.fields);
            return { seq: m.seq, status: 'applied' };
          });
          return { last_seq: state.lastSeq, results };
        },
      };
      return { state, transport };
    }

    async function deviceWith(values: string[]) {
      const db = await openUserDatabase('00000000-0000-4000-8000-0000000000b1', {
        tables,
        dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
      });
      for (const [i, name] of values.entries()) {
        await applyLocalChange(db, {
          table: 'athletes',
          op: 'insert',
          row: { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name },
        });
      }
      return db;
    }

    it('refuses only the entries it cannot read, keeps their text, and sends the rest', async () => {
      const names = Array.from({ length: 40 }, (_, i) => `Спортсмен ${i}`);
      names[5] = 'Иван\u0000Петров';
      names[29] = 'Анна \ud83c';
      names[30] = '\udfc3 Ольга';
      const db = await deviceWith(names);
      const server = fakeServer();
      const summary = await pushOutbox(db, server.transport, { batchSize: 16 });
      expect(await db.outbox.count()).toBe(0);
      expect(summary).toMatchObject({ applied: 37, rejected: 3 });
      expect(server.state.applied).toHaveLength(37);
      const issues = await db.issues.orderBy('id').toArray();
      expect(issues.map((i) => [i.reason, i.code, i.fields.name])).toEqual([
        ['unreadable', '22P05', 'Иван\u0000Петров'],
        ['unreadable', '22P05', 'Анна \ud83c'],
        ['unreadable', '22P05', '\udfc3 Ольга'],
      ]);
      // halving, not one request per entry: well under 40 requests for 3 bad entries
      expect(server.state.calls.length).toBeLessThan(30);
    });

    it('a server that refuses every push refuses no entry: the queue waits intact', async () => {
      const db = await deviceWith(['Иван', 'Анна', 'Ольга']);
      const server = fakeServer(true);
      await expect(pushOutbox(db, server.transport)).rejects.toBeInstanceOf(SyncServerError);
      expect(await db.outbox.count()).toBe(3);
      expect(await db.issues.count()).toBe(0);
    });
  });
});
