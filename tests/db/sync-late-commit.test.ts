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
