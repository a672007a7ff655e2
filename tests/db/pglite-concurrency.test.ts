// PGlite is one backend: without the adapter's queue, a statement from one
// request could land inside another request's open transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

describe('concurrent requests on the local database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.exec('create table public.concurrency_probe (n int)');
  });
  afterAll(async () => {
    await db.exec('drop table if exists public.concurrency_probe');
    await db.close();
  });

  it('never lets a plain query see or join another transaction that later rolls back', async () => {
    const slowRollback = db
      .transaction(async (tx) => {
        await tx.query('insert into public.concurrency_probe values (1)');
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('roll back');
      })
      .catch((e: Error) => e.message);
    // Only the rolled-back row counts: on PostgreSQL the insert below runs on
    // another connection and may commit before this count.
    const meanwhile = db.query<{ n: number }>(
      'select count(*)::int as n from public.concurrency_probe where n = 1',
    );
    const insertMeanwhile = db.query('insert into public.concurrency_probe values (2)');
    expect(await slowRollback).toBe('roll back');
    expect((await meanwhile).rows[0]?.n).toBe(0);
    await insertMeanwhile;
    const after = await db.query<{ n: number }>(
      'select n from public.concurrency_probe order by n',
    );
    expect(after.rows.map((r) => r.n)).toEqual([2]);
  });

  it('keeps role switches local to their transaction', async () => {
    const roles = await Promise.all([
      db.transaction(async (tx) => {
        await tx.exec('set local role anon');
        await new Promise((r) => setTimeout(r, 20));
        return (await tx.query<{ r: string }>('select current_user as r')).rows[0]?.r;
      }),
      db.query<{ r: string }>('select current_user as r').then((x) => x.rows[0]?.r),
    ]);
    expect(roles[0]).toBe('anon');
    expect(roles[1]).not.toBe('anon');
  });
});
