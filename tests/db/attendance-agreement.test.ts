// The attendance statuses of src/domain/attendance.ts and the CHECK constraint of
// public.attendance must agree (as athlete-agreement.test.ts does for athletes):
// the four statuses, their near misses and random strings go to both.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { ATTENDANCE_STATUSES } from '../../src/domain/attendance.ts';
import { sessionDayHasCome } from '../../src/domain/attendance-day.ts';
import { addDays, localDateAt } from '../../src/domain/zoned-time.ts';
import { attendanceStatusSchema } from '../../src/domain/attendance-schema.ts';
import { checkVerdicts } from './check-verdicts.ts';

const statuses = fc.oneof(
  fc.constantFrom(...ATTENDANCE_STATUSES),
  fc.constantFrom(...ATTENDANCE_STATUSES).map((s) => s.toUpperCase()),
  fc.constantFrom(...ATTENDANCE_STATUSES).map((s) => ` ${s}`),
  fc.constantFrom('late', 'sick', 'присутствовал', ''),
  fc.string({ maxLength: 10 }),
);

describe('attendance statuses agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('status: zod and attendance_status_check agree on 2,000 generated values', async () => {
    const values = fc.sample(statuses, 2000).filter((s) => !s.includes('\u0000'));
    const inDb = await checkVerdicts(db, 'attendance', 'attendance_status_check', 'status', values);
    const disagree = values.filter(
      (v, i) => attendanceStatusSchema.safeParse(v).success !== inDb[i],
    );
    expect(disagree).toEqual([]);
    // both sides accept something and refuse something: the test can fail
    expect(inDb.some(Boolean)).toBe(true);
    expect(inDb.some((ok) => !ok)).toBe(true);
  });

  it('a session day has come: src/domain/attendance-day.ts and private.session_day_has_come agree', async () => {
    const zones = [
      'Europe/Moscow',
      'Asia/Vladivostok',
      'America/Los_Angeles',
      'Pacific/Kiritimati',
      'UTC',
      'Mars/Base',
    ];
    // instants across 2026–2027, dates within two days of the instant's UTC date
    const cases = fc
      .sample(
        fc.record({
          at: fc.integer({ min: 1_767_225_600_000, max: 1_830_297_600_000 }),
          zone: fc.constantFrom(...zones),
          shift: fc.integer({ min: -2, max: 2 }),
        }),
        1000,
      )
      .map((c) => ({ ...c, date: addDays(localDateAt('UTC', c.at), c.shift) }));
    const r = await db.query<{ ok: boolean }>(
      `select private.session_day_has_come(d::date, z, to_timestamp(a / 1000.0)) as ok
         from unnest($1::text[], $2::text[], $3::float8[]) with ordinality as u (d, z, a, i)
        order by i`,
      [cases.map((c) => c.date), cases.map((c) => c.zone), cases.map((c) => c.at)],
    );
    const disagree = cases.filter(
      (c, i) => sessionDayHasCome({ localDate: c.date, timeZone: c.zone }, c.at) !== r.rows[i]?.ok,
    );
    expect(disagree).toEqual([]);
    expect(r.rows.some((x) => x.ok)).toBe(true);
    expect(r.rows.some((x) => !x.ok)).toBe(true);
  });
});
