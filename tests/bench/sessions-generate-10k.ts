// sessions.generate_10k (issue 5): generate_sessions for 10,000 active recurring
// bookings over six weeks (≈ 60,000 sessions). The first run materializes them
// (baseline_value, seconds); the second, idempotent run must find nothing to do
// and cost a fraction of it (value); ratio ≤ 0.2.
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import type { BenchResult } from './bench-result.ts';

const COACHES = 1000;
const PER_COACH = 10; // Mon–Fri at 10:00 and 14:00: a coach's series never overlap
const MEMBERS = 1000;
const ORG = '5c200000-0000-4000-a000-000000000001';

async function populate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into public.organizations (id, name, slug) values ($1, 'Bench', 'bench-generate')`,
      [ORG],
    );
    await tx.query(
      `insert into auth.users (id, email)
       select gen_random_uuid(), 'gen-' || n || '@bench.test' from generate_series(1, $1::int) n`,
      [COACHES + MEMBERS],
    );
    await tx.query(
      `insert into public.memberships (org_id, user_id, role)
       select $1, u.id, case when row_number() over (order by u.email) <= $2 then 'coach' else 'member' end
         from auth.users u where u.email like 'gen-%@bench.test'`,
      [ORG, COACHES],
    );
    // the zones below are known; skip the per-row zone lookup (pg_timezone_names
    // reads every zone file, ~0.1 s a row) so setting up does not dwarf the bench
    await tx.exec('alter table public.coach_settings disable trigger check_time_zone');
    await tx.query(
      `insert into public.coach_settings (org_id, coach_id, time_zone, buffer_before_minutes, buffer_after_minutes)
       select $1, m.user_id,
              (array['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney'])[1 + (row_number() over (order by m.user_id))::int % 4],
              10, 10
         from public.memberships m where m.org_id = $1 and m.role = 'coach'`,
      [ORG],
    );
    await tx.exec('alter table public.coach_settings enable trigger check_time_zone');
    // the series are bookings a coach accepted, so they lie in the coach's weekly
    // windows: generation checks each occurrence against them (and flags misfits)
    await tx.query(
      `insert into public.weekly_availability (org_id, coach_id, weekday, start_time, end_time)
       select $1, s.coach_id, d, '08:00', '20:00'
         from public.coach_settings s cross join generate_series(1, 5) d
        where s.org_id = $1`,
      [ORG],
    );
    await tx.query(
      `with coaches as (
         select s.coach_id, s.time_zone, row_number() over (order by s.coach_id) as c
           from public.coach_settings s where s.org_id = $1
       ), members as (
         select m.user_id, row_number() over (order by m.user_id) as k
           from public.memberships m where m.org_id = $1 and m.role = 'member'
       )
       insert into public.recurring_bookings (org_id, coach_id, member_id, weekday, start_time,
         duration_minutes, time_zone, start_date, every_weeks)
       select $1, c.coach_id, m.user_id, 1 + (s % 5), case when s < 5 then time '10:00' else time '14:00' end,
              60, c.time_zone, current_date, 1
         from coaches c
         cross join generate_series(0, $2::int - 1) s
         join members m on m.k = 1 + ((c.c * $2 + s) % $3)`,
      [ORG, PER_COACH, MEMBERS],
    );
  });
  await db.exec('analyze');
}

async function timed(db: Database): Promise<{ seconds: number; created: number }> {
  const t = performance.now();
  const r = await db.query<{ r: { created: number } }>('select public.generate_sessions() as r');
  return { seconds: (performance.now() - t) / 1000, created: r.rows[0]?.r.created ?? 0 };
}

export async function sessionsGenerate10k(): Promise<BenchResult> {
  const db = await createTestDatabase();
  try {
    await populate(db);
    const first = await timed(db);
    if (first.created < 50_000) throw new Error(`first run created only ${first.created} sessions`);
    const second = await timed(db);
    if (second.created !== 0) throw new Error(`second run created ${second.created} sessions`);
    return {
      name: 'sessions.generate_10k',
      unit: 's',
      value: second.seconds,
      baseline: 'first run (materializes everything)',
      baseline_value: first.seconds,
      ratio: second.seconds / first.seconds,
      limit: 0.2,
      notes: `${COACHES * PER_COACH} recurring bookings; first run created ${first.created} sessions in ${first.seconds.toFixed(2)} s on ${db.kind}`,
    };
  } finally {
    await db.close();
  }
}
