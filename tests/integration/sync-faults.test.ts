// The fault matrix of issue 3, each case as a test, against the real sync SQL on a
// fresh database (PGlite, or PostgreSQL with DATABASE_URL) and Dexie on
// fake-indexeddb. Requests run as the user exactly as the API gateway runs them.
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyLocalChange } from '../../src/data/apply-local-change.ts';
import { openUserDatabase, type UserDatabase } from '../../src/data/open-user-database.ts';
import { syncOnce } from '../../src/data/sync-once.ts';
import { SyncAuthError, SyncNetworkError } from '../../src/data/sync-errors.ts';
import type { SyncTransport } from '../../src/data/sync-transport.ts';
import {
  createSyncHarness,
  fixtureTables,
  withFaults,
  type Fault,
  type PushLog,
  type SyncHarness,
} from './sync-harness.ts';

async function device(userId: string): Promise<UserDatabase> {
  // a distinct IndexedDB per device: fake-indexeddb is one global factory, so give
  // each device its own by name suffix through a fresh factory
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  return openUserDatabase(userId, {
    tables: fixtureTables,
    dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
  });
}

async function reopen(db: UserDatabase): Promise<UserDatabase> {
  const options = {
    indexedDB: db._options.indexedDB,
    IDBKeyRange: db._options.IDBKeyRange,
  } as const;
  db.close();
  return openUserDatabase(db.userId, { tables: fixtureTables, dexie: options });
}

function scripted(
  transport: SyncTransport,
  faults: Partial<Record<string, Fault[]>>,
): SyncTransport {
  return withFaults(transport, (fn) => faults[fn]?.shift());
}

/** a fresh team name, so tests sharing the database never see each other's rows */
function fresh(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}`;
}

function item(team: string, fields: Record<string, unknown> = {}) {
  return { id: randomUUID(), team, title: 't', note: null, score: 1, ...fields };
}

describe.each(['sql', 'supabase-js'] as const)('sync fault matrix (%s)', (mode) => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await createSyncHarness(mode);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function serverItem(id: string): Promise<Record<string, unknown> | undefined> {
    return (await h.db.query('select * from public.items where id = $1', [id])).rows[0];
  }

  let red = '';
  let blue = '';
  let green = '';
  beforeEach(() => {
    red = fresh('red');
    blue = fresh('blue');
    green = fresh('green');
  });

  it('request lost before the server: the edit stays queued and arrives on retry', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    const row = item(red);
    await applyLocalChange(db, { table: 'items', op: 'insert', row });
    const t = h.transport({ userId: u });
    await expect(syncOnce(db, scripted(t, { sync_push: ['drop-request'] }))).rejects.toBeInstanceOf(
      SyncNetworkError,
    );
    expect(await db.outbox.count()).toBe(1);
    expect(await serverItem(row.id)).toBeUndefined();
    await syncOnce(db, t);
    expect(await db.outbox.count()).toBe(0);
    expect((await serverItem(row.id))?.title).toBe('t');
  });

  it('server committed but the response lost: the retry does not apply twice', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    const row = item(red, { score: 5 });
    await applyLocalChange(db, { table: 'items', op: 'insert', row });
    await applyLocalChange(db, {
      table: 'items',
      op: 'update',
      id: row.id,
      patch: { note: 'first' },
    });
    const log: PushLog = [];
    const t = h.transport({ userId: u }, log);
    await expect(
      syncOnce(db, scripted(t, { sync_push: ['drop-response'] })),
    ).rejects.toBeInstanceOf(SyncNetworkError);
    // someone else changes the note in between; a double apply would overwrite it
    await h.db.query(`update public.items set note = 'later' where id = $1`, [row.id]);
    await syncOnce(db, t);
    expect(log).toHaveLength(2);
    expect(log[1]?.response).toMatchObject({ results: [{ replay: true }, { replay: true }] });
    expect((await serverItem(row.id))?.note).toBe('later');
    expect(await db.outbox.count()).toBe(0);
    expect((await db.store('items').get(row.id))?.note).toBe('later');
  });

  it('duplicate delivery is applied once', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    const row = item(red);
    await applyLocalChange(db, { table: 'items', op: 'insert', row });
    const log: PushLog = [];
    await syncOnce(db, scripted(h.transport({ userId: u }, log), { sync_push: ['duplicate'] }));
    expect(
      log.map((l) => (l.response as { results: { replay?: boolean }[] }).results[0]?.replay),
    ).toEqual([undefined, true]);
    expect(await db.issues.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a batch that overtakes its predecessor waits, and nothing is lost or doubled', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    const rows = Array.from({ length: 300 }, (_, i) => item(red, { score: i % 100 }));
    for (const row of rows) await applyLocalChange(db, { table: 'items', op: 'insert', row });
    const entries = await db.outbox.orderBy('seq').toArray();
    const t = h.transport({ userId: u });
    // the second batch arrives first (e.g. a delayed retry of an earlier session)
    const early = await t.call('sync_push', {
      p_client_id: entries[0]?.clientId,
      p_mutations: entries
        .slice(250)
        .map((e) => ({ seq: e.seq, table: e.table, id: e.rowId, op: e.op, fields: e.fields })),
    });
    expect(early).toMatchObject({ last_seq: 0 });
    expect(
      (early as { results: { status: string }[] }).results.every((r) => r.status === 'pending'),
    ).toBe(true);
    const summary = await syncOnce(db, t);
    expect(summary.push).toMatchObject({ requests: 2, applied: 300, rejected: 0 });
    expect((await h.visibleItems(u)).length).toBe(300);
  });

  it('a 401 mid-batch refreshes once and resumes', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    for (let i = 0; i < 260; i++)
      await applyLocalChange(db, { table: 'items', op: 'insert', row: item(red) });
    let refreshes = 0;
    const t = withFaults(
      h.transport({ userId: u }),
      (() => {
        let pushes = 0;
        return (fn: string) => (fn === 'sync_push' && ++pushes === 2 ? '401' : undefined);
      })(),
      { onRefresh: () => refreshes++ },
    );
    const summary = await syncOnce(db, t);
    expect(refreshes).toBe(1);
    expect(summary.push.applied).toBe(260);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a session that cannot be refreshed keeps the outbox', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    await applyLocalChange(db, { table: 'items', op: 'insert', row: item(red) });
    const session = { userId: u as string | null };
    const inner = h.transport(session);
    const t: SyncTransport = { ...withFaults(inner, () => '401'), refresh: async () => null };
    await expect(syncOnce(db, t)).rejects.toBeInstanceOf(SyncAuthError);
    expect(await db.outbox.count()).toBe(1);
  });

  it("never pushes one user's queue under another user's session", async () => {
    const u = await h.addUser([red]);
    const other = await h.addUser([red]);
    const db = await device(u);
    await applyLocalChange(db, { table: 'items', op: 'insert', row: item(red) });
    const log: PushLog = [];
    await expect(syncOnce(db, h.transport({ userId: other }, log))).rejects.toBeInstanceOf(
      SyncAuthError,
    );
    expect(log).toHaveLength(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('5xx then success', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    const row = item(red);
    await applyLocalChange(db, { table: 'items', op: 'insert', row });
    const t = scripted(h.transport({ userId: u }), { sync_push: ['503'] });
    await expect(syncOnce(db, t)).rejects.toThrow(/unavailable/);
    await syncOnce(db, t);
    expect(await serverItem(row.id)).toBeDefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('the app killed mid-flush: reopened, it finishes without loss or doubles', async () => {
    const u = await h.addUser([red]);
    let db = await device(u);
    for (let i = 0; i < 300; i++)
      await applyLocalChange(db, {
        table: 'items',
        op: 'insert',
        row: item(red, { score: i % 100 }),
      });
    const log: PushLog = [];
    const t = h.transport({ userId: u }, log);
    // the first batch commits on the server, then the app dies before hearing back
    await expect(syncOnce(db, scripted(t, { sync_push: ['drop-response'] }))).rejects.toThrow();
    db = await reopen(db);
    expect(await db.outbox.count()).toBe(300);
    await syncOnce(db, t);
    expect(await db.outbox.count()).toBe(0);
    expect((await h.visibleItems(u)).length).toBe(300);
    expect(await db.store('items').count()).toBe(300);
    expect(await db.issues.count()).toBe(0);
  });

  it('the app killed mid-pull: reopened, it resumes at the stored page without loss', async () => {
    const u = await h.addUser([red]);
    const writer = await device(u);
    const t = h.transport({ userId: u });
    for (let i = 0; i < 25; i++) {
      await applyLocalChange(writer, { table: 'items', op: 'insert', row: item(red) });
    }
    await syncOnce(writer, t);
    let reader = await device(u);
    const calls: string[] = [];
    let pulls = 0;
    const faulty = withFaults(t, (fn) => {
      calls.push(fn);
      return fn === 'sync_pull' && ++pulls === 2 ? 'drop-response' : undefined;
    });
    await expect(syncOnce(reader, faulty, { pageSize: 10 })).rejects.toThrow(/response lost/);
    expect(await reader.store('items').count()).toBe(10);
    reader = await reopen(reader);
    calls.length = 0;
    await syncOnce(reader, faulty, { pageSize: 10 });
    // page 2 again (its answer was lost), page 3, and nothing from the start
    expect(calls).toEqual(['sync_pull', 'sync_pull']);
    expect(await reader.store('items').count()).toBe(25);
  });

  it('two devices edit different fields of one row: both survive', async () => {
    const u = await h.addUser([red]);
    const a = await device(u);
    const b = await device(u);
    const row = item(red, { title: 'orig', note: 'orig' });
    await applyLocalChange(a, { table: 'items', op: 'insert', row });
    const t = h.transport({ userId: u });
    await syncOnce(a, t);
    await syncOnce(b, t);
    await applyLocalChange(a, {
      table: 'items',
      op: 'update',
      id: row.id,
      patch: { title: 'from a' },
    });
    await applyLocalChange(b, {
      table: 'items',
      op: 'update',
      id: row.id,
      patch: { note: 'from b' },
    });
    await syncOnce(a, t);
    await syncOnce(b, t);
    await syncOnce(a, t);
    for (const d of [a, b]) {
      expect(await d.store('items').get(row.id)).toMatchObject({ title: 'from a', note: 'from b' });
      expect(await d.issues.count()).toBe(0);
    }
  });

  it('two devices edit the same field: server order wins and the loser is told', async () => {
    const u = await h.addUser([red]);
    const a = await device(u);
    const b = await device(u);
    const row = item(red, { title: 'orig' });
    await applyLocalChange(a, { table: 'items', op: 'insert', row });
    const t = h.transport({ userId: u });
    await syncOnce(a, t);
    await syncOnce(b, t);
    await applyLocalChange(a, { table: 'items', op: 'update', id: row.id, patch: { title: 'a' } });
    await applyLocalChange(b, { table: 'items', op: 'update', id: row.id, patch: { title: 'b' } });
    // a reaches the server first, but does not pull in the same sync after b
    await syncOnce(a, t);
    await syncOnce(b, t);
    await syncOnce(a, t);
    expect((await serverItem(row.id))?.title).toBe('b');
    expect((await a.store('items').get(row.id))?.title).toBe('b');
    expect((await b.store('items').get(row.id))?.title).toBe('b');
    const told = await a.issues.toArray();
    expect(told).toMatchObject([
      { kind: 'superseded', rowId: row.id, fields: { title: 'a' }, theirs: { title: 'b' }, by: u },
    ]);
    expect(await b.issues.count()).toBe(0);
  });

  it('a change to a row the user lost access to while offline is rejected, reported and reverted', async () => {
    const u = await h.addUser([red, blue]);
    const db = await device(u);
    const keep = item(red);
    const lost = item(blue, { title: 'before' });
    const t = h.transport({ userId: u });
    await applyLocalChange(db, { table: 'items', op: 'insert', row: keep });
    await applyLocalChange(db, { table: 'items', op: 'insert', row: lost });
    await syncOnce(db, t);
    // offline: edit the blue row, while an admin takes blue away
    await applyLocalChange(db, {
      table: 'items',
      op: 'update',
      id: lost.id,
      patch: { title: 'after' },
    });
    await h.revoke(u, blue);
    const summary = await syncOnce(db, t);
    expect(summary.push.rejected).toBe(1);
    const issues = await db.issues.toArray();
    expect(issues).toMatchObject([
      { kind: 'rejected', reason: 'forbidden', rowId: lost.id, fields: { title: 'after' } },
    ]);
    // the row the user may no longer see is gone from the device; the server kept its value
    expect(await db.store('items').get(lost.id)).toBeUndefined();
    expect((await serverItem(lost.id))?.title).toBe('before');
    expect(await db.store('items').get(keep.id)).toBeDefined();
  });

  it('rows appear when access is granted and disappear when it is revoked, though older than the cursor', async () => {
    const owner = await h.addUser([green]);
    const viewer = await h.addUser([]);
    const o = await device(owner);
    const v = await device(viewer);
    const t = h.transport({ userId: owner });
    const tv = h.transport({ userId: viewer });
    const row = item(green);
    await applyLocalChange(o, { table: 'items', op: 'insert', row });
    await syncOnce(o, t);
    await syncOnce(v, tv);
    expect(await v.store('items').count()).toBe(0);
    await h.grant(viewer, green);
    const granted = await syncOnce(v, tv);
    expect(granted.pull.reconciled).toEqual(['items']);
    expect(await v.store('items').get(row.id)).toBeDefined();
    await h.revoke(viewer, green);
    await syncOnce(v, tv);
    expect(await v.store('items').get(row.id)).toBeUndefined();
  });

  it('a rejected insert (constraint) is reverted and listed with its reason', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    const bad = item(red, { score: 500 });
    await applyLocalChange(db, { table: 'items', op: 'insert', row: bad });
    const summary = await syncOnce(db, h.transport({ userId: u }));
    expect(summary.push.rejected).toBe(1);
    expect(await db.store('items').get(bad.id)).toBeUndefined();
    expect(await db.issues.toArray()).toMatchObject([
      { reason: 'invalid', code: '23514', op: 'insert' },
    ]);
  });

  it('an incremental sync with nothing new costs one request', async () => {
    const u = await h.addUser([red]);
    const db = await device(u);
    await applyLocalChange(db, { table: 'items', op: 'insert', row: item(red) });
    const log: string[] = [];
    const t = withFaults(h.transport({ userId: u }), (fn) => {
      log.push(fn);
      return undefined;
    });
    await syncOnce(db, t);
    log.length = 0;
    await syncOnce(db, t);
    expect(log).toEqual(['sync_pull']);
  });
});
