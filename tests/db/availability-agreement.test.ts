// The availability form's rules (src/domain/availability-form.ts) and the CHECK
// constraints of coach_settings, weekly_availability, blocked_slots and
// availability_additions must agree: generated values go to both, numbers as a
// coach types them on one side and as integers on the other.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  coachSettingsFormSchema,
  formatDuration,
  knownZones,
  timeRangeFormSchema,
  weeklyWindowFormSchema,
} from '../../src/domain/availability-form.ts';
import { checkVerdicts, formDisagreements } from './check-verdicts.ts';
import { unicodeText } from './unicode-text.ts';
import { labelInput } from '../../src/domain/clean-text.ts';

const validSettings = {
  time_zone: 'Europe/Moscow',
  default_duration_minutes: '1:00',
  buffer_before_minutes: '0:00',
  buffer_after_minutes: '0:00',
  minimum_notice_minutes: '2:00',
  slot_interval_minutes: '',
  booking_horizon_days: '60',
  cancellation_window_minutes: '12:00',
  default_room: '',
};

const validWindow = {
  weekday: '1',
  start_time: '18:00',
  end_time: '19:00',
  is_individual: true,
  is_group: false,
  room: '',
};
const validRange = { starts_at: 0, ends_at: 3_600_000, reason: '', room: '' };

/** integers around every bound the constraints name */
const numbers = fc.oneof(
  fc.integer({ min: -5, max: 800 }),
  fc.integer({ min: 43_190, max: 43_210 }),
  fc.integer({ min: 360, max: 370 }),
);

describe('availability form rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** whether the constraint passes each integer bound to `column` */
  async function intVerdicts(table: string, constraint: string, column: string, values: number[]) {
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = $1::regclass and c.contype = 'c' and c.conname = $2`,
      [`public.${table}`, constraint],
    );
    const expr = def.rows[0]?.expr;
    if (!expr) throw new Error(`no check constraint ${constraint}`);
    const r = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false as ok
         from unnest($1::int[]) with ordinality as v(${column}, n) order by v.n`,
      [values],
    );
    return r.rows.map((row) => row.ok);
  }

  for (const column of [
    'default_duration_minutes',
    'buffer_before_minutes',
    'buffer_after_minutes',
    'minimum_notice_minutes',
    'slot_interval_minutes',
    'booking_horizon_days',
    'cancellation_window_minutes',
  ] as const) {
    it(`${column}: the form and coach_settings_${column}_check agree`, async () => {
      const values = fc.sample(numbers, 1500).filter((n) => n >= 0);
      const inDb = await intVerdicts(
        'coach_settings',
        `coach_settings_${column}_check`,
        column,
        values,
      );
      const disagree = values.filter(
        (n, i) =>
          coachSettingsFormSchema.safeParse({
            ...validSettings,
            // lengths are typed as hours:minutes, days as a number
            [column]: column === 'booking_horizon_days' ? String(n) : formatDuration(n),
          }).success !== inDb[i],
      );
      expect(disagree).toEqual([]);
    });
  }

  it('the default room: the form and coach_settings_default_room_check agree', async () => {
    const rooms = fc.sample(
      fc.oneof(
        fc.string({ unit: fc.constantFrom('a', 'Ё', '🏃'), minLength: 1, maxLength: 105 }),
        fc.integer({ min: 95, max: 105 }).map((n) => 'з'.repeat(n)),
      ),
      1000,
    );
    const inDb = await checkVerdicts(
      db,
      'coach_settings',
      'coach_settings_default_room_check',
      'default_room',
      rooms,
    );
    const disagree = rooms.filter(
      (room, i) =>
        coachSettingsFormSchema.safeParse({ ...validSettings, default_room: room }).success !==
        inDb[i],
    );
    expect(disagree).toEqual([]);
  });

  // a room or a reason as the form saves it: trimmed, blank as null, composed
  const saved = (v: string) => (v.trim() === '' ? null : labelInput(v.trim()));
  const labels = fc.oneof(
    unicodeText(30),
    unicodeText(6).map((s) => ` ${s}Зал ${s}`),
  );
  for (const [table, column, form] of [
    ['coach_settings', 'default_room', 'settings'],
    ['blocked_slots', 'reason', 'range'],
    ['availability_additions', 'room', 'range'],
    ['availability_additions', 'reason', 'range'],
    ['weekly_availability', 'room', 'window'],
  ] as const) {
    it(`${table}.${column}: the form and the column's checks agree on arbitrary Unicode`, async () => {
      const accepts = (v: string) =>
        (form === 'settings'
          ? coachSettingsFormSchema.safeParse({ ...validSettings, [column]: v })
          : form === 'window'
            ? weeklyWindowFormSchema.safeParse({ ...validWindow, [column]: v })
            : timeRangeFormSchema.safeParse({ ...validRange, [column]: v })
        ).success;
      const disagree = await formDisagreements(
        db,
        table,
        [`${table}_${column}_check`, `${table}_${column}_clean_check`],
        column,
        fc.sample(labels, 1000),
        accepts,
        saved,
      );
      expect(disagree).toEqual([]);
    });
  }

  it('time zones: every zone the picker offers is one the database takes, and junk neither', async () => {
    const typed = [
      ...knownZones(),
      ...knownZones()
        .slice(0, 40)
        .map((z) => z.toLowerCase()),
      'Mars/Olympus',
      'Moscow',
      'europe/moskva',
      '',
      ' ',
      'Europe/Moscow ',
    ];
    const saved = typed.map((z) => {
      const parsed = coachSettingsFormSchema.safeParse({ ...validSettings, time_zone: z });
      return { z, ok: parsed.success, stored: parsed.success ? parsed.data.time_zone : z };
    });
    // the database's rule (private.check_time_zone): a name of pg_timezone_names
    const r = await db.query<{ ok: boolean }>(
      `select exists (select from pg_catalog.pg_timezone_names n where n.name = v.z) as ok
         from unnest($1::text[]) with ordinality as v(z, n) order by v.n`,
      [saved.map((s) => s.stored)],
    );
    const disagree = saved.filter((s, i) => s.ok !== r.rows[i]?.ok).map((s) => s.z);
    expect(disagree).toEqual([]);
  });

  it('weekly windows: the form and the table agree on start and end times', async () => {
    const times = fc.sample(
      fc.tuple(
        fc.integer({ min: 0, max: 24 }),
        fc.constantFrom(0, 15, 30, 59),
        fc.integer({ min: 0, max: 24 }),
        fc.constantFrom(0, 30),
      ),
      600,
    );
    const pad = (n: number) => String(n).padStart(2, '0');
    const rows = times.map(([h1, m1, h2, m2]) => ({
      start: `${pad(h1)}:${pad(m1)}`,
      end: `${pad(h2)}:${pad(m2)}`,
    }));
    // postgres' time takes 24:00 but nothing past it; such values never reach a check
    const valid = (t: string) => t <= '24:00';
    const usable = rows.filter((r) => valid(r.start) && valid(r.end));
    const r = await db.query<{ ok: boolean }>(
      `select (s < '24:00' and e > s) as ok
         from unnest($1::time[], $2::time[]) with ordinality as v(s, e, n) order by v.n`,
      [usable.map((u) => u.start), usable.map((u) => u.end)],
    );
    // the expression above is the table's two checks; confirm they still say that
    const checks = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = 'public.weekly_availability'::regclass and c.contype = 'c'
          and (c.conname = 'weekly_availability_ends_after_start' or c.conname = 'weekly_availability_start_time_check')
        order by c.conname`,
    );
    expect(checks.rows.map((c) => c.expr)).toEqual([
      '(end_time > start_time)',
      "(start_time < '24:00:00'::time without time zone)",
    ]);
    const disagree = usable.filter(
      (u, i) =>
        weeklyWindowFormSchema.safeParse({
          weekday: '1',
          start_time: u.start,
          end_time: u.end,
          is_individual: true,
          is_group: false,
          room: '',
        }).success !== r.rows[i]?.ok,
    );
    expect(disagree).toEqual([]);
  });
});
