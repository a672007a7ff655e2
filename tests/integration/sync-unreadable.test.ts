// Issue 12 §2: the outbox never wedges on text the server cannot read. Arbitrary
// Unicode — NUL, lone surrogates, every control character, 10,000-character
// strings — goes through the real push path (supabase-js against the local
// stack's gateway, PGlite or DATABASE_URL's PostgreSQL) and the queue always
// drains: every entry ends applied exactly as sent, or refused and listed with
// the user's text kept exactly as typed; the pull after the push runs.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../src/data/apply-local-change.ts';
import { openUserDatabase } from '../../src/data/open-user-database.ts';
import { syncOnce } from '../../src/data/sync-once.ts';
import { createSyncHarness, fixtureTables, type SyncHarness } from './sync-harness.ts';

/** what PostgreSQL cannot hold in text or read in json: NUL and lone surrogates */
function unreadable(text: string): boolean {
  return (
    text.includes('\u0000') ||
    /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text)
  );
}

const char = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  },
  // every C0 and C1 control, NUL included
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 0x9f }).map((c) => String.fromCharCode(c)) },
  // lone halves of surrogate pairs (two in a row may pair up: still a string to send)
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  },
  { weight: 2, arbitrary: fc.constantFrom('a', 'Ё', ' ', '\u00a0', '\u200b', '\u202e', '🏃') },
);
const text = fc.oneof(
  { weight: 12, arbitrary: fc.string({ unit: char, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: char, minLength: 10_000, maxLength: 10_000 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);
type Edit =
  | { kind: 'insert'; title: string | null; note: string | null }
  | { kind: 'update'; pick: number; field: 'title' | 'note'; value: string | null };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('insert' as const), title: text, note: text }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      pick: fc.nat(30),
      field: fc.constantFrom('title' as const, 'note' as const),
      value: text,
    }),
  },
);

describe('the outbox drains whatever text it holds (supabase-js, real push path)', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await createSyncHarness('supabase-js');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('every entry ends applied as sent, or refused and listed with its text kept', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
        // a team of its own: no other run's rows in sight
        const team = crypto.randomUUID();
        const userId = await h.addUser([team]);
        const db = await openUserDatabase(userId, {
          tables: fixtureTables,
          dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
        });
        try {
          // what the server must hold afterwards, and the refusals the user must see
          // (toEqual compares strings exactly: the kept text is the typed text)
          const model = new Map<string, Record<string, unknown>>();
          const expected: { rowId: string; reason: string; fields: Record<string, unknown> }[] = [];
          const ids: string[] = [];
          for (const e of edits) {
            if (e.kind === 'insert') {
              const id = crypto.randomUUID();
              ids.push(id);
              const fields = { team, title: e.title, note: e.note };
              await applyLocalChange(db, { table: 'items', op: 'insert', row: { id, ...fields } });
              if (unreadable(String(e.title)) || unreadable(String(e.note))) {
                expected.push({ rowId: id, reason: 'unreadable', fields });
              } else model.set(id, { id, ...fields });
            } else {
              const id = ids[e.pick % Math.max(ids.length, 1)];
              if (id === undefined) continue;
              const entry = await applyLocalChange(db, {
                table: 'items',
                op: 'update',
                id,
                patch: { [e.field]: e.value },
              });
              if (!entry) continue; // the value did not change: nothing queued
              const row = model.get(id);
              // the value it replaces travels too (`base`), and may be the unreadable one
              const sent = [
                ...Object.values(entry.fields),
                ...Object.values(entry.base ?? {}),
              ].join('|');
              if (unreadable(sent)) {
                expected.push({ rowId: id, reason: 'unreadable', fields: entry.fields });
              } else if (!row) {
                // the row's insert was refused: the server has nothing to update
                expected.push({ rowId: id, reason: 'forbidden', fields: entry.fields });
              } else row[e.field] = e.value;
            }
          }
          const summary = await syncOnce(db, h.transport({ userId }));

          expect(await db.outbox.count()).toBe(0);
          expect(summary.pull.requests).toBeGreaterThan(0);
          const issues = await db.issues.orderBy('id').toArray();
          expect(
            issues.map((i) => ({ rowId: i.rowId, reason: i.reason, fields: i.fields })),
          ).toEqual(expected);
          const want = [...model.values()].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
          const onServer = await h.visibleItems(userId);
          expect(
            onServer.map((r) => ({ id: r.id, team: r.team, title: r.title, note: r.note })),
          ).toEqual(want.map((r) => ({ id: r.id, team: r.team, title: r.title, note: r.note })));
          // the device holds what the server holds: refused inserts reverted, the pull ran
          const local = await db.store('items').toArray();
          expect(local.map((r) => r.id).sort()).toEqual(want.map((r) => r.id));
        } finally {
          db.close();
        }
      }),
      { numRuns: Number(process.env.SYNC_UNREADABLE_RUNS ?? 30) },
    );
  });
});
