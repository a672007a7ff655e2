// The contact rules in src/domain/athlete-contact.ts and the CHECK constraints of
// public.athlete_contacts must agree: generated names, phones, emails and birth
// dates go to both. Birth dates are judged by the domain with the database's own
// now() as its clock, read in the same statement as the verdicts, so the test
// never depends on the wall clock.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { formDisagreements } from './check-verdicts.ts';
import { unicodeText } from './unicode-text.ts';
import { labelInput } from '../../src/domain/clean-text.ts';
import { dateFromEpochDay, epochDay } from '../../src/domain/zoned-time.ts';
import {
  athleteContactSchema,
  birthDateSchema,
  contactValue,
  emailSchema,
  guardianNameSchema,
  phoneSchema,
} from '../../src/domain/athlete-contact.ts';

const phoneChars = fc.constantFrom(...'0123456789+() .-', ' ', 'a', '/', '٣', '８', '\u00a0', '\t');
const phones = fc.oneof(
  fc.string({ unit: phoneChars, maxLength: 34 }),
  fc
    .tuple(
      fc.constantFrom('', '+', '+7 ', '8 ', '(', ' '),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 17 }),
      fc.constantFrom('', ' ', '-', ')'),
    )
    .map(([lead, digits, tail]) => `${lead}${digits.join('')}${tail}`),
  fc.string({ maxLength: 20 }),
);
const emails = fc.oneof(
  fc.emailAddress(),
  fc.string({ unit: fc.constantFrom(..."ab.@-_+%'1Я "), maxLength: 20 }),
  fc.integer({ min: 240, max: 260 }).map((n) => `${'a'.repeat(n - 7)}@b.ru.x`),
  fc.string({ maxLength: 20 }),
);
const names = fc.oneof(
  fc.string({ maxLength: 210 }),
  fc.integer({ min: 195, max: 205 }).map((n) => ' ' + 'Ё'.repeat(n) + ' '),
  unicodeText(30),
);

describe('athlete contact rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const texts = [
    {
      column: 'guardian_name',
      constraints: [
        'athlete_contacts_guardian_name_check',
        'athlete_contacts_guardian_name_clean_check',
      ],
      arb: names,
      accepts: (v: string) => guardianNameSchema.safeParse(contactValue(v)).success,
      saved: (v: string) => {
        const value = contactValue(v);
        return value === null ? null : labelInput(value);
      },
    },
    {
      column: 'phone',
      constraints: ['athlete_contacts_phone_check'],
      arb: phones,
      accepts: (v: string) => phoneSchema.safeParse(contactValue(v)).success,
      saved: contactValue,
    },
    {
      column: 'guardian_phone',
      constraints: ['athlete_contacts_guardian_phone_check'],
      arb: phones,
      accepts: (v: string) => phoneSchema.safeParse(contactValue(v)).success,
      saved: contactValue,
    },
    {
      column: 'guardian_email',
      constraints: ['athlete_contacts_guardian_email_check'],
      arb: emails,
      accepts: (v: string) => emailSchema.safeParse(contactValue(v)).success,
      saved: contactValue,
    },
  ];
  for (const c of texts) {
    it(`${c.column}: zod and ${c.constraints.join(' + ')} agree on 2,000 generated values`, async () => {
      const values = fc.sample(c.arb, 2000);
      const disagree = await formDisagreements(
        db,
        'athlete_contacts',
        c.constraints,
        c.column,
        values,
        c.accepts,
        c.saved,
      );
      expect(disagree).toEqual([]);
    });
  }

  it('a guardian is nobody, or a name with a phone or an email: zod and athlete_contacts_guardian_check agree', async () => {
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = 'public.athlete_contacts'::regclass and c.conname = 'athlete_contacts_guardian_check'`,
    );
    const expr = def.rows[0]?.expr;
    if (!expr) throw new Error('no athlete_contacts_guardian_check');
    const cases = [0, 1, 2, 3, 4, 5, 6, 7].map((bits) => ({
      guardian_name: bits & 1 ? 'Петрова Ольга' : null,
      guardian_phone: bits & 2 ? '+7 916 123-45-67' : null,
      guardian_email: bits & 4 ? 'olga@example.ru' : null,
    }));
    const r = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false as ok
         from unnest($1::text[], $2::text[], $3::text[]) with ordinality
              as v(guardian_name, guardian_phone, guardian_email, n)
        order by v.n`,
      [
        cases.map((c) => c.guardian_name),
        cases.map((c) => c.guardian_phone),
        cases.map((c) => c.guardian_email),
      ],
    );
    const schema = athleteContactSchema({ now: () => 0 });
    const domain = cases.map(
      (c) => schema.safeParse({ ...c, phone: null, birth_date: null }).success,
    );
    expect(domain).toEqual(r.rows.map((row) => row.ok));
    expect(domain.filter(Boolean)).toHaveLength(4);
  });

  it('birth_date: zod and athlete_contacts_birth_date_check agree, both by the database clock', async () => {
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = 'public.athlete_contacts'::regclass and c.conname = 'athlete_contacts_birth_date_check'`,
    );
    const expr = def.rows[0]?.expr;
    if (!expr) throw new Error('no athlete_contacts_birth_date_check');
    // the last day taken, as the database sees it now: the values crowd around it
    const edge = await db.query<{ latest: string }>(
      `select (((now() at time zone 'utc') + interval '14 hours')::date)::text as latest`,
    );
    const latest = epochDay(edge.rows[0]?.latest ?? '');
    const days = fc.sample(
      fc.oneof(
        fc.integer({ min: latest - 3, max: latest + 3 }),
        fc.integer({ min: epochDay('1899-12-29'), max: epochDay('1900-01-03') }),
        fc.integer({ min: epochDay('1800-01-01'), max: epochDay('2200-12-31') }),
      ),
      2000,
    );
    const values = days.map(dateFromEpochDay);
    const r = await db.query<{ at: number; ok: boolean[] }>(
      `select (extract(epoch from now()) * 1000)::float8 as at,
              array_agg((${expr}) is not false order by v.n) as ok
         from unnest($1::date[]) with ordinality as v(birth_date, n)`,
      [values],
    );
    const row = r.rows[0];
    if (!row) throw new Error('no verdicts');
    const clock = { now: () => Number(row.at) };
    const schema = birthDateSchema(clock);
    const disagree = values.filter((v, i) => schema.safeParse(v).success !== row.ok[i]);
    expect(disagree).toEqual([]);
    // both sides of each edge were tried
    expect(new Set(row.ok)).toEqual(new Set([true, false]));
  });
});
