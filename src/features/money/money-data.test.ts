import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openUserDatabase, type UserDatabase } from '../../data/open-user-database.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { LocalQuery } from '../../state/local-query-controller.ts';
import { observeEmailPreferences, type EmailPreference } from './email-preference-data.ts';
import { observeMoney, type MoneyData } from './money-data.ts';
import { readMyTimeZone } from './profile-data.ts';

const me = '00000000-0000-4000-8000-0000000000c1';
const member = '00000000-0000-4000-8000-0000000000c2';
const start = '00000000-0000-4000-8000-00000000000a';
const former = '00000000-0000-4000-8000-00000000000b';
const deleted = '2026-11-01T00:00:00Z';

async function seeded(): Promise<UserDatabase> {
  const db = await openUserDatabase(me, { dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  await db.store('organizations').bulkAdd([
    { id: start, name: 'Старт', time_zone: 'Europe/Moscow' },
    { id: former, name: 'Бывший клуб', time_zone: 'Asia/Omsk' },
  ]);
  await db.store('memberships').bulkAdd([
    { id: 'm1', org_id: start, user_id: me, role: 'athlete', left_at: null, deleted_at: null },
    { id: 'm2', org_id: former, user_id: me, role: 'athlete', left_at: deleted, deleted_at: null },
  ]);
  const purchase = (id: string, userId: string, createdAt: string, extra = {}) => ({
    id,
    org_id: start,
    user_id: userId,
    product_name: '8 тренировок',
    amount_minor: 576000,
    currency: 'RUB',
    status: 'paid',
    credits: 8,
    percent_off: 10,
    created_at: createdAt,
    deleted_at: null,
    ...extra,
  });
  await db
    .store('purchases')
    .bulkAdd([
      purchase('p1', me, '2026-11-02T10:00:00Z'),
      purchase('p2', me, '2026-11-03T10:00:00Z', { status: 'pending', percent_off: null }),
      purchase('p3', member, '2026-11-04T10:00:00Z'),
      purchase('p4', me, '2026-11-05T10:00:00Z', { deleted_at: deleted }),
    ]);
  await db.store('credit_balances').bulkAdd([
    { id: 'b1', org_id: start, user_id: me, balance: 8, deleted_at: null },
    { id: 'b2', org_id: start, user_id: member, balance: 3, deleted_at: null },
  ]);
  await db.store('email_preferences').bulkAdd([
    { id: 'e1', user_id: me, kind: 'purchase_confirmation', enabled: false },
    { id: 'e2', user_id: me, kind: 'session_reminder', enabled: true, deleted_at: deleted },
  ]);
  await db.store('profiles').bulkAdd([{ id: me, display_name: 'Анна', time_zone: null }]);
  return db;
}

const engineOf = (db: UserDatabase) =>
  ({ userId: db.userId, db }) as Pick<SyncEngine, 'userId' | 'db'> as SyncEngine;

/** the first answer of a live query */
function first<T>(observe: LocalQuery<T>, db: UserDatabase): Promise<T> {
  return new Promise((resolve) => {
    const subscription = observe(engineOf(db), (value) => {
      subscription.unsubscribe();
      resolve(value);
    });
  });
}

describe('observeMoney', () => {
  it('shows my current clubs and my own live purchases and balances, newest first', async () => {
    const db = await seeded();
    const data = await first<MoneyData>(observeMoney, db);
    expect([...data.organizations.values()]).toEqual([
      { id: start, name: 'Старт', timeZone: 'Europe/Moscow' },
    ]);
    expect(data.purchases.map((p) => [p.id, p.status, p.percentOff])).toEqual([
      ['p2', 'pending', null],
      ['p1', 'paid', 10],
    ]);
    expect(data.purchases[1]).toMatchObject({
      orgId: start,
      productName: '8 тренировок',
      amountMinor: 576000,
      currency: 'RUB',
      credits: 8,
    });
    expect(data.balances).toEqual([{ orgId: start, balance: 8 }]);
    db.close();
  });
});

describe('observeEmailPreferences', () => {
  it('answers my live switches only', async () => {
    const db = await seeded();
    await db
      .store('email_preferences')
      .add({ id: 'e3', user_id: member, kind: 'session_reminder', enabled: false });
    expect(await first<EmailPreference[]>(observeEmailPreferences, db)).toEqual([
      { id: 'e1', kind: 'purchase_confirmation', enabled: false },
    ]);
    db.close();
  });
});

describe('readMyTimeZone', () => {
  it("is the profile's zone, and undefined when none was chosen", async () => {
    const db = await seeded();
    expect(await readMyTimeZone(engineOf(db))).toBeUndefined();
    await db.store('profiles').update(me, { time_zone: 'Asia/Omsk' });
    expect(await readMyTimeZone(engineOf(db))).toBe('Asia/Omsk');
    db.close();
  });
});
