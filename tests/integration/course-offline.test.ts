// Issue 14, mini-courses: an enrolled learner's device holds the text of the
// lessons open to them (read offline), and the first sync after a refund takes
// them off it — the lessons' select policy is the entitlement, and the sync
// core's access reconciliation follows it (20261206156000_courses.sql).
import 'fake-indexeddb/auto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openUserDatabase, type UserDatabase } from '../../src/data/open-user-database.ts';
import { syncOnce } from '../../src/data/sync-once.ts';
import { syncedTables } from '../../src/data/synced-tables.ts';
import { createSyncHarness, type SyncHarness } from './sync-harness.ts';

const org = '19100000-0000-4000-8000-00000000000a';
const coach = '19100000-0000-4000-8000-0000000000c0';
const course = '19100000-0000-4000-8000-0000000000c1';
const preview = '19100000-0000-4000-8000-000000000011';
const lesson = '19100000-0000-4000-8000-000000000012';
const product = '19100000-0000-4000-8000-0000000000f1';
const purchase = '19100000-0000-4000-8000-0000000000e1';

describe('course lessons offline', () => {
  let h: SyncHarness;
  let learner: string;
  let device: UserDatabase;

  beforeAll(async () => {
    h = await createSyncHarness('sql');
    learner = await h.addUser();
    await h.db.exec(`
      insert into auth.users (id, email) values ('${coach}', 'coach-191@test.local');
      insert into public.organizations (id, kind, name, slug) values ('${org}', 'club', 'Club 191', 'club-191');
      insert into public.memberships (org_id, user_id, role) values ('${org}', '${coach}', 'coach');
      insert into public.courses (id, org_id, coach_id, title, access, published)
        values ('${course}', '${org}', '${coach}', 'Техника бега', 'paid', true);
      insert into public.course_lessons (id, org_id, course_id, position, title, body, is_preview) values
        ('${preview}', '${org}', '${course}', 1, 'Стойка', 'текст для всех', true),
        ('${lesson}', '${org}', '${course}', 2, 'Работа рук', 'текст для учеников', false);
      insert into public.products (id, org_id, kind, name, price_minor, currency, course_id)
        values ('${product}', '${org}', 'course', 'Курс', 199000, 'RUB', '${course}');
      insert into public.purchases (id, org_id, user_id, product_id, kind, product_name, amount_minor, currency)
        values ('${purchase}', '${org}', '${learner}', '${product}', 'course', 'Курс', 199000, 'RUB');
    `);
    device = await openUserDatabase(learner, {
      tables: syncedTables,
      dexie: { indexedDB: new IDBFactory(), IDBKeyRange },
    });
  });

  afterAll(async () => {
    device?.close();
    await h?.close();
  });

  const stripe = (event: Record<string, unknown>) =>
    h.db.query('select public.stripe_apply_event($1::jsonb)', [
      JSON.stringify({ created: 1_790_000_000, purchaseId: purchase, ...event }),
    ]);

  it('before buying, the device holds the preview only', async () => {
    await syncOnce(device, h.transport({ userId: learner }));
    const ids = (await device.store('course_lessons').toArray()).map((r) => r.id);
    expect(ids).toEqual([preview]);
  });

  it('once paid, the lesson text is on the device (readable offline)', async () => {
    await stripe({
      id: 'evt_191_paid',
      type: 'checkout.session.completed',
      sessionId: 'cs_191',
      paymentIntentId: 'pi_191',
      amountTotal: 199000,
      currency: 'rub',
      paymentStatus: 'paid',
    });
    await syncOnce(device, h.transport({ userId: learner }));
    const row = await device.store('course_lessons').get(lesson);
    expect(row?.body).toBe('текст для учеников');
    const enrollments = await device.store('course_enrollments').toArray();
    expect(enrollments.map((e) => e.status)).toEqual(['active']);
  });

  it('one sync after the refund takes the lesson off the device', async () => {
    await stripe({
      id: 'evt_191_refund',
      type: 'charge.refunded',
      paymentIntentId: 'pi_191',
      amountRefunded: 199000,
      refunded: true,
    });
    await syncOnce(device, h.transport({ userId: learner }));
    expect(await device.store('course_lessons').get(lesson)).toBeUndefined();
    expect((await device.store('course_lessons').toArray()).map((r) => r.id)).toEqual([preview]);
    const enrollments = await device.store('course_enrollments').toArray();
    expect(enrollments.map((e) => e.status)).toEqual(['refunded']);
  });
});
