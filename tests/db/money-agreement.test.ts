// The money rules in src/domain/ and the CHECK constraints of the money tables
// must agree (like organization-agreement.test.ts): generated discount codes and
// email kinds go to both, and any disagreement fails with the value.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { EMAIL_KINDS, emailKindSchema } from '../../src/domain/email-kinds.ts';
import { storedDiscountCodeSchema } from '../../src/domain/money.ts';
import { checkVerdicts } from './check-verdicts.ts';

const codeChar = fc.constantFrom(...'AZ09_-a .Ё'.split(''));
const codes = fc.oneof(
  fc.string({ unit: codeChar, minLength: 0, maxLength: 36 }),
  fc.stringMatching(/^[A-Z0-9_-]{1,34}$/),
);
const kinds = fc.oneof(fc.constantFrom(...EMAIL_KINDS), fc.string({ maxLength: 25 }));

describe('money rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('discount code: zod and discount_codes_code_check agree on 2,000 generated values', async () => {
    const values = fc.sample(codes, 2000);
    const verdicts = await checkVerdicts(
      db,
      'discount_codes',
      'discount_codes_code_check',
      'code',
      values,
    );
    const disagree = values.filter(
      (v, i) => storedDiscountCodeSchema.safeParse(v).success !== verdicts[i],
    );
    expect(disagree).toEqual([]);
    // both sides saw accepted and refused codes
    expect(new Set(verdicts)).toEqual(new Set([true, false]));
  });

  it('email kind: the list and email_preferences_kind_check agree', async () => {
    const values = fc.sample(kinds, 500);
    const verdicts = await checkVerdicts(
      db,
      'email_preferences',
      'email_preferences_kind_check',
      'kind',
      values,
    );
    const disagree = values.filter((v, i) => emailKindSchema.safeParse(v).success !== verdicts[i]);
    expect(disagree).toEqual([]);
  });
});
