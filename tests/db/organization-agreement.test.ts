// The organization rules in src/domain/organization.ts and the CHECK constraints
// of public.organizations must agree, like the athletes' schedule and rank rules
// (schedule-rank-agreement.test.ts): generated names, slugs, locales and kinds
// go to both, and any disagreement fails with the value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { checkVerdicts, formDisagreements } from './check-verdicts.ts';
import { unicodeText } from './unicode-text.ts';
import { labelInput } from '../../src/domain/clean-text.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { ORGANIZATION_KINDS } from '../../src/domain/organization.ts';
import {
  localeSchema,
  organizationNameSchema,
  slugSchema,
} from '../../src/domain/organization-schema.ts';

const slugChar = fc.constantFrom(...'abcxyz019-_A. ё'.split(''));
const slugs = fc.oneof(
  fc.string({ unit: slugChar, minLength: 0, maxLength: 70 }),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/),
);
const names = fc.oneof(
  fc.string({ maxLength: 210 }),
  fc.string({ unit: fc.constantFrom(' ', '\t', 'a', 'Ё', '\u00a0'), maxLength: 205 }),
  fc.integer({ min: 195, max: 205 }).map((n) => 'Ё'.repeat(n)),
  unicodeText(30),
);
const locales = fc.oneof(
  fc.stringMatching(/^[a-z]{2}(-[A-Z]{2})?$/),
  fc.string({ unit: fc.constantFrom('r', 'u', 'R', 'U', '-', '_', 'e', 'n'), maxLength: 6 }),
);
const kinds = fc.oneof(fc.constantFrom(...ORGANIZATION_KINDS), fc.string({ maxLength: 15 }));

describe('organization rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const cases = [
    { constraint: 'organizations_slug_check', column: 'slug', arb: slugs, zod: slugSchema },
    { constraint: 'organizations_locale_check', column: 'locale', arb: locales, zod: localeSchema },
  ];

  it('name: zod and the name and clean-text checks agree on 2,000 generated values', async () => {
    const disagree = await formDisagreements(
      db,
      'organizations',
      ['organizations_name_check', 'organizations_name_clean_check'],
      'name',
      fc.sample(names, 2000),
      (v) => organizationNameSchema.safeParse(v).success,
      labelInput,
    );
    expect(disagree).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.column}: zod and ${c.constraint} agree on 2,000 generated values`, async () => {
      const values = fc.sample(c.arb, 2000).filter((s) => !s.includes('\u0000'));
      const db_ = await checkVerdicts(db, 'organizations', c.constraint, c.column, values);
      const disagree = values.filter((v, i) => c.zod.safeParse(v).success !== db_[i]);
      expect(disagree).toEqual([]);
    });
  }

  it('kind: the list and organizations_kind_check agree', async () => {
    const values = fc.sample(kinds, 500);
    const db_ = await checkVerdicts(
      db,
      'organizations',
      'organizations_kind_check',
      'kind',
      values,
    );
    const disagree = values.filter(
      (v, i) => (ORGANIZATION_KINDS as readonly string[]).includes(v) !== db_[i],
    );
    expect(disagree).toEqual([]);
  });
});
