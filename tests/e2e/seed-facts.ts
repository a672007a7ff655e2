// What the seed made that depends on the day it ran, read back from the database
// so a test expects what is there rather than what a fixed date would have made.
import type { LocalApp } from './local-app.ts';

/** «Начинающие», the demo coach's group (supabase/seed.sql) */
export const beginners = 'd2000000-0000-4000-8000-000000000001';

/** the season the seed put the demo club's groups and athletes in: the one of its day */
export async function seededSeason(app: LocalApp): Promise<string> {
  const rows = await app.rows<{ season: string }>(
    'select season from public.training_groups where id = $1',
    [beginners],
  );
  const season = rows[0]?.season;
  if (!season) throw new Error('no «Начинающие»: is supabase/seed.sql loaded?');
  return season;
}

/** "2026-2027" moved `n` seasons on (negative: back), counted here, not by the app */
export function shiftSeason(season: string, n: number): string {
  const first = Number(season.slice(0, 4)) + n;
  return `${first}-${first + 1}`;
}

/** the demo club's calendar date (Europe/Moscow) at an instant, e.g. "2026-12-13" */
export async function clubDate(app: LocalApp, at: number): Promise<string> {
  const rows = await app.rows<{ d: string }>(
    `select (($1::timestamptz) at time zone 'Europe/Moscow')::date::text as d`,
    [new Date(at).toISOString()],
  );
  return rows[0]?.d ?? '';
}
