// The attendance statuses of src/domain/attendance.ts and the CHECK constraint of
// public.attendance must agree (as athlete-agreement.test.ts does for athletes):
// the four statuses, their near misses and random strings go to both.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { ATTENDANCE_STATUSES } from '../../src/domain/attendance.ts';
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
});
