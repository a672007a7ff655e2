// The pull cursor never skips a transaction that commits late (reference/sync.md §5,
// pitfall A): transaction A writes and stays open, B writes and commits, a pull runs,
// A commits, a pull runs — A's row must arrive. PGlite runs one transaction at a
// time, so this needs a real PostgreSQL (CI sets DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createSyncHarness, type SyncHarness } from '../integration/sync-harness.ts';

const onPostgres = Boolean(process.env.DATABASE_URL);

type Pull = { changes: { rows: { id: string }[] }[]; cursor: Record<string, unknown> };

function ids(pull: Pull): string[] {
  return pull.changes.flatMap((c) => c.rows.map((r) => r.id));
}

describe('sync pull cursor on PostgreSQL', () => {
  let h: SyncHarness | undefined;
  afterAll(async () => {
    await h?.close();
  });

  it.skipIf(!onPostgres)(
    'delivers a row whose transaction commits after a later one was pulled (needs DATABASE_URL: PGlite runs one transaction at a time)',
    async () => {
      h = await createSyncHarness();
      const team = `late-${randomUUID().slice(0, 8)}`;
      const user = await h.addUser([team]);
      const t = h.transport({ userId: user });
      const first = (await t.call('sync_pull', { p_cursor: null })) as Pull;

      const a = randomUUID();
      const b = randomUUID();
      let written!: () => void;
      const aWritten = new Promise<void>((r) => (written = r));
      let release!: () => void;
      const aMayCommit = new Promise<void>((r) => (release = r));
      const claims = JSON.stringify({ sub: user, role: 'authenticated' });
      const txA = h.db.transaction(async (tx) => {
        await tx.query(
          `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)`,
          [claims],
        );
        await tx.query(`insert into public.items (id, team, title) values ($1, $2, 'A')`, [
          a,
          team,
        ]);
        written();
        await aMayCommit;
      });
      await aWritten;

      // B starts after A, writes and commits first
      await t.call('sync_push', {
        p_client_id: randomUUID(),
        p_mutations: [
          { seq: 1, table: 'items', id: b, op: 'insert', fields: { team, title: 'B' } },
        ],
      });
      const whileOpen = (await t.call('sync_pull', { p_cursor: first.cursor })) as Pull;
      expect(ids(whileOpen)).not.toContain(a);

      release();
      await txA;
      const after = (await t.call('sync_pull', { p_cursor: whileOpen.cursor })) as Pull;
      const seen = [...ids(whileOpen), ...ids(after)];
      expect(seen).toContain(a);
      expect(seen).toContain(b);
      expect(seen.filter((id) => id === b)).toHaveLength(1);
    },
  );
});

// The access epoch (20261206123000_sync_core.sql) never skips a visibility change
// that commits late either: A revokes the user's access and stays open, a pull
// runs (its window stops below A), A commits, and the next pull — whose window
// holds A's transaction — sends the digest that makes the device drop the rows.
describe('access epoch on PostgreSQL', () => {
  let h: SyncHarness | undefined;
  afterAll(async () => {
    await h?.close();
  });

  type Digests = { digests?: Record<string, { count: number }>; cursor: unknown };

  it.skipIf(!onPostgres)(
    'a revocation that commits after a pull reaches the next pull (needs DATABASE_URL)',
    async () => {
      h = await createSyncHarness();
      const team = `epoch-${randomUUID().slice(0, 8)}`;
      const user = await h.addUser([team]);
      const t = h.transport({ userId: user });
      await h.db.query(`insert into public.items (id, team, title) values ($1, $2, 'kept')`, [
        randomUUID(),
        team,
      ]);
      const first = (await t.call('sync_pull', { p_cursor: null })) as Digests;
      expect(first.digests?.items?.count).toBe(1);

      let revoked!: () => void;
      const aRevoked = new Promise<void>((r) => (revoked = r));
      let release!: () => void;
      const aMayCommit = new Promise<void>((r) => (release = r));
      const txA = h.db.transaction(async (tx) => {
        await tx.query('delete from public.team_access where user_id = $1 and team = $2', [
          user,
          team,
        ]);
        revoked();
        await aMayCommit;
      });
      await aRevoked;

      // another transaction starts after A and commits first, so the horizon moves
      await h.db.query(`insert into public.items (id, team, title) values ($1, 'elsewhere', 'B')`, [
        randomUUID(),
      ]);
      const whileOpen = (await t.call('sync_pull', { p_cursor: first.cursor })) as Digests;
      expect(whileOpen.digests?.items).toBeUndefined();

      release();
      await txA;
      const after = (await t.call('sync_pull', { p_cursor: whileOpen.cursor })) as Digests;
      expect(after.digests?.items?.count).toBe(0);
      const idle = (await t.call('sync_pull', { p_cursor: after.cursor })) as Digests;
      expect(idle.digests?.items).toBeUndefined();
    },
  );
});
