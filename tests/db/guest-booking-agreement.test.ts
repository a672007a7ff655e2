// What the public-booking function's zod schema accepts of a guest (name, email,
// phone, time zone, language) and what public.guest_book accepts must agree: the
// same cases go to both. The database is asked with a session type that does not
// exist, so an input it accepts goes on to "not found" (P0002) and one it refuses
// stops at "invalid" (22023) — nothing is booked either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestBookSchema } from '../../src/domain/guest-booking-schema.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

interface Case {
  name: string;
  email: string;
  phone?: string;
  timeZone: string;
  locale: string;
}

const ok: Case = {
  name: 'Мария',
  email: 'maria@guest.test',
  timeZone: 'Europe/Moscow',
  locale: 'ru',
};

const cases: Case[] = [
  ok,
  { ...ok, name: '' },
  { ...ok, name: '   ' },
  { ...ok, name: 'Я' },
  { ...ok, name: 'Ё'.repeat(120) },
  { ...ok, name: 'Ё'.repeat(121) },
  { ...ok, name: `  ${'a'.repeat(120)}  ` },
  { ...ok, email: 'no-at.test' },
  { ...ok, email: 'a@b' },
  { ...ok, email: 'a@b.c' },
  { ...ok, email: ' Maria@Guest.TEST ' },
  { ...ok, email: 'two@@guest.test' },
  { ...ok, email: 'sp ace@guest.test' },
  { ...ok, email: `${'a'.repeat(245)}@guest.test` },
  { ...ok, email: `${'a'.repeat(244)}@guest.test` },
  { ...ok, phone: '+7 900 000-00-00' },
  { ...ok, phone: '1'.repeat(40) },
  { ...ok, phone: '1'.repeat(41) },
  { ...ok, timeZone: 'UTC' },
  { ...ok, timeZone: 'Asia/Yekaterinburg' },
  { ...ok, timeZone: 'europe/moscow' },
  { ...ok, timeZone: 'Mars/Olympus' },
  { ...ok, timeZone: '' },
  { ...ok, locale: 'en' },
  { ...ok, locale: 'de' },
];

describe('guest booking input agrees with public.guest_book', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
    // the verdict of one guest: the sqlstate guest_book stops at
    await db.exec(`
      create function pg_temp.verdict(p_name text, p_email text, p_phone text, p_tz text, p_locale text)
      returns text language plpgsql as $$
      begin
        perform public.guest_book('00000000-0000-4000-8000-000000000000', '2030-01-07 13:00+00',
          p_name, p_email, p_phone, p_tz, p_locale);
        return 'booked';
      exception when others then
        return sqlstate;
      end $$;`);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  it('accepts and refuses the same guests', async () => {
    const disagreements: string[] = [];
    for (const c of cases) {
      const zod = guestBookSchema.safeParse({
        action: 'book',
        slug: 'volkov',
        sessionType: '00000000-0000-4000-8000-000000000000',
        start: '2030-01-07T13:00:00Z',
        ...c,
      }).success;
      const r = await db.query<{ code: string }>(
        `select code from (select 1) one, lateral (select pg_temp.verdict($1, $2, $3, $4, $5) as code) v`,
        [c.name, c.email, c.phone ?? null, c.timeZone, c.locale],
      );
      const database = r.rows[0]?.code === 'P0002';
      if (r.rows[0]?.code !== 'P0002' && r.rows[0]?.code !== '22023') {
        disagreements.push(`${JSON.stringify(c)}: database said ${r.rows[0]?.code}`);
      } else if (zod !== database) {
        disagreements.push(`${JSON.stringify(c)}: zod ${zod}, database ${database}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
