// A paying guest's email: the rule the shared booking checkout applies at the edge
// (guestHolderSchema in supabase/functions/_shared/booking-checkout.ts) and the
// CHECK constraint of private.booking_guests (what hold_paid_booking stores,
// lowercased) must agree on every generated value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestHolderSchema } from '../../supabase/functions/_shared/booking-checkout.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

const emails = fc.oneof(
  fc.emailAddress(),
  fc.string({ unit: fc.constantFrom(...'ab.@-_+1Z \t'), maxLength: 20 }),
  fc.integer({ min: 248, max: 258 }).map((n) => `${'a'.repeat(n - 7)}@b.ru.x`),
  fc.string({ maxLength: 20 }),
);

describe('a guest email: the edge and the database agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('accepts and refuses the same values', async () => {
    const values = fc
      .sample(emails, { numRuns: 400, seed: 20261206 })
      .filter((v) => !v.includes('\u0000'))
      .concat(['a@b.cc', 'A@B.CC', ' a@b.cc', 'a@b', 'a b@c.de', 'a@@b.cc', '']);
    const def = await db.query<{ expr: string }>(
      `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
        where c.conrelid = 'private.booking_guests'::regclass and c.contype = 'c'
          and pg_get_constraintdef(c.oid) like '%email%'`,
    );
    const expr = def.rows[0]?.expr ?? 'false';
    const verdicts = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false as ok
         from unnest($1::text[]) with ordinality as v(raw, n), lateral (select lower(v.raw) as email) l
        order by v.n`,
      [values],
    );
    const email = guestHolderSchema.shape.email;
    const disagree = values.filter((v, i) => email.safeParse(v).success !== verdicts.rows[i]?.ok);
    expect(disagree).toEqual([]);
  });
});
