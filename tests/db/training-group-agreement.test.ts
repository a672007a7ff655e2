// The admin screens' rules and the database's agree: training group names
// (src/domain/training-group.ts vs training_groups_name_check) and the roles an
// admin can grant or invite for (src/domain/membership-admin.ts vs
// memberships_role_check and invitations_role_check), over generated values.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Database } from '../../supabase/local/db/database.ts';
import { checkVerdicts, formDisagreements } from './check-verdicts.ts';
import { unicodeText } from './unicode-text.ts';
import { labelInput } from '../../src/domain/clean-text.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import { trainingGroupNameSchema } from '../../src/domain/training-group.ts';
import { roleSchema } from '../../src/domain/membership-admin.ts';
import { ROLES } from '../../src/domain/organization.ts';

const names = fc.oneof(
  fc.string({ maxLength: 110 }),
  fc.string({ unit: fc.constantFrom(' ', '\t', 'a', 'Ё', '\u00a0', '🏃'), maxLength: 105 }),
  fc.integer({ min: 95, max: 105 }).map((n) => ' ' + 'Ё'.repeat(n) + ' '),
  unicodeText(30),
);
const roles = fc.oneof(
  fc.constantFrom(...ROLES),
  fc.constantFrom('Owner', 'coach ', 'trainer', ''),
  fc.string({ maxLength: 8 }),
);

describe('admin form rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const cases: {
    table: string;
    constraint: string;
    column: string;
    arb: fc.Arbitrary<string>;
    zod: z.ZodType;
  }[] = [
    {
      table: 'memberships',
      constraint: 'memberships_role_check',
      column: 'role',
      arb: roles,
      zod: roleSchema,
    },
    {
      table: 'invitations',
      constraint: 'invitations_role_check',
      column: 'role',
      arb: roles,
      zod: roleSchema,
    },
  ];

  it('training_groups.name: zod and the name and clean-text checks agree on 2,000 generated values', async () => {
    const disagree = await formDisagreements(
      db,
      'training_groups',
      ['training_groups_name_check', 'training_groups_name_clean_check'],
      'name',
      fc.sample(names, 2000),
      (v) => trainingGroupNameSchema.safeParse(v).success,
      labelInput,
    );
    expect(disagree).toEqual([]);
  });

  for (const c of cases) {
    it(`${c.table}.${c.column}: zod and ${c.constraint} agree on 1,000 generated values`, async () => {
      const values = fc.sample(c.arb, 1000).filter((s) => !s.includes('\u0000'));
      const inDb = await checkVerdicts(db, c.table, c.constraint, c.column, values);
      const disagree = values.filter((v, i) => c.zod.safeParse(v).success !== inDb[i]);
      expect(disagree).toEqual([]);
    });
  }
});
