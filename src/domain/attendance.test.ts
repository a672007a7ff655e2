import { describe, expect, it } from 'vitest';
import { attendanceId, uuidV5 } from './attendance-id.ts';
import { attendanceSummary, type AttendanceMark } from './attendance.ts';
import { attendanceStatusSchema } from './attendance-schema.ts';

describe('attendanceId', () => {
  it('is RFC 4122 version 5 (the RFC’s DNS example)', async () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(await uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });

  it('is the same on every device for a session and athlete, and differs otherwise', async () => {
    const s = 'D2000000-0000-4000-8000-000000000001';
    const a = 'd4000000-0000-4000-8000-000000000001';
    const b = 'd4000000-0000-4000-8000-000000000002';
    const id = await attendanceId(s, a);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await attendanceId(s.toLowerCase(), a)).toBe(id);
    expect(await attendanceId(s, b)).not.toBe(id);
    expect(await attendanceId(a, s)).not.toBe(id);
  });

  it('matches the server’s private.attendance_id (520-attendance.sql checks the same pair)', async () => {
    expect(
      await attendanceId(
        '52000000-0000-4000-8000-0000000000a1',
        '30000000-0000-4000-8000-0000000000a2',
      ),
    ).toBe('144c8d8b-a6bb-5afd-8be2-84fd33322104');
  });

  it('refuses what is not a uuid', async () => {
    await expect(attendanceId('nope', 'd4000000-0000-4000-8000-000000000001')).rejects.toThrow();
  });
});

describe('attendanceSummary', () => {
  const mark = (status: AttendanceMark['status'], localDate: string): AttendanceMark => ({
    status,
    localDate,
  });

  it('counts present and trial over present, trial and absent; excused is left out', () => {
    const marks = [
      mark('present', '2026-09-01'),
      mark('present', '2026-09-03'),
      mark('trial', '2026-09-05'),
      mark('absent', '2026-09-08'),
      mark('excused', '2026-09-10'),
      mark('excused', '2026-09-12'),
    ];
    expect(attendanceSummary(marks, '2026-2027')).toEqual({
      present: 2,
      trial: 1,
      excused: 2,
      absent: 1,
      counted: 4,
      percent: 75,
    });
  });

  it('keeps to the season: 31 August is the old one, 1 September the new', () => {
    const marks = [mark('absent', '2026-08-31'), mark('present', '2026-09-01')];
    expect(attendanceSummary(marks, '2026-2027').percent).toBe(100);
    expect(attendanceSummary(marks, '2025-2026').percent).toBe(0);
  });

  it('is null, not 0 %, when nothing counts', () => {
    expect(attendanceSummary([], '2026-2027').percent).toBeNull();
    expect(attendanceSummary([mark('excused', '2026-10-01')], '2026-2027').percent).toBeNull();
  });

  it('rounds to whole percent', () => {
    const marks = [
      mark('present', '2026-10-01'),
      mark('absent', '2026-10-02'),
      mark('absent', '2026-10-03'),
    ];
    expect(attendanceSummary(marks, '2026-2027').percent).toBe(33);
  });

  it('accepts exactly the four statuses', () => {
    expect(attendanceStatusSchema.safeParse('trial').success).toBe(true);
    expect(attendanceStatusSchema.safeParse('late').success).toBe(false);
    expect(attendanceStatusSchema.safeParse('Present').success).toBe(false);
  });
});
