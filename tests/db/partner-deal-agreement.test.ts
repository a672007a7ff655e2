// A deal registration's prospect email and a partner's brand colour: the rules the
// dashboard's forms apply (src/domain/partner-deal.ts, src/domain/partner-brand.ts)
// and the CHECK constraints of public.partner_deals and public.partner_profiles
// must agree on every generated value, as each side normalizes it (the rpc and the
// form trim white space and lowercase an email, as register_partner_deal does; the form lowercases a colour).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandColorInput } from '../../src/domain/partner-brand.ts';
import { PROSPECT_EMAIL_PATTERN, PROSPECT_LIMITS } from '../../src/domain/partner-deal.ts';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';

async function checkExpr(db: Database, table: string, name: string): Promise<string> {
  const def = await db.query<{ expr: string }>(
    `select pg_get_expr(c.conbin, c.conrelid) as expr from pg_constraint c
      where c.conrelid = $1::regclass and c.conname = $2`,
    [table, name],
  );
  return def.rows[0]?.expr ?? 'false';
}

describe('partner forms and the database agree', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('on a prospect email', async () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.emailAddress(),
          fc.string({ unit: fc.constantFrom(...'ab.@-_+1Z \t'), maxLength: 20 }),
          fc.integer({ min: 248, max: 258 }).map((n) => `${'a'.repeat(n - 7)}@b.ru.x`),
        ),
        { numRuns: 400, seed: 20261206 },
      )
      .concat(['info@club.test', ' INFO@Club.Test ', 'a@b', 'a b@c.de', 'a@@b.cc', '']);
    const expr = await checkExpr(db, 'public.partner_deals', 'partner_deals_email_check');
    const verdicts = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false as ok
         from unnest($1::text[]) with ordinality as v(raw, n),
              lateral (select lower(regexp_replace(v.raw, '^[[:space:]]+|[[:space:]]+$', '', 'g'))
                         as prospect_email) l
        order by v.n`,
      [values],
    );
    const device = (v: string) => {
      const email = v.trim().toLowerCase();
      return email.length <= PROSPECT_LIMITS.email && PROSPECT_EMAIL_PATTERN.test(email);
    };
    expect(values.filter((v, i) => device(v) !== verdicts.rows[i]?.ok)).toEqual([]);
  });

  it('on a brand colour', async () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.string({ unit: fc.constantFrom(...'#0123456789abcdefABCDEFgx'), maxLength: 9 }),
          fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
        ),
        { numRuns: 400, seed: 20261206 },
      )
      .filter((v) => v.trim() !== '')
      .concat(['#0B3D91', '#0b3d91', '#abc', 'navy']);
    const expr = await checkExpr(
      db,
      'public.partner_profiles',
      'partner_profiles_brand_color_check',
    );
    const stored = values.map((v) => brandColorInput(v));
    const verdicts = await db.query<{ ok: boolean }>(
      `select (${expr}) is not false as ok
         from unnest($1::text[]) with ordinality as v(brand_color, n) order by v.n`,
      [values.map((v, i) => stored[i] ?? v.trim())],
    );
    expect(values.filter((v, i) => (stored[i] !== undefined) !== verdicts.rows[i]?.ok)).toEqual([]);
  });
});
