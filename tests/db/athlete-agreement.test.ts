// The athlete field rules in src/domain/athlete.ts and the CHECK constraints of
// public.athletes must agree (as schedule-rank-agreement.test.ts does for
// schedules and ranks): generated names, notes and statuses go to both.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Database } from '../../supabase/local/db/database.ts';
import { checkVerdicts } from './check-verdicts.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  ATHLETE_STATUSES,
  athleteNameSchema,
  athleteNotesSchema,
  athleteStatusSchema,
} from '../../src/domain/athlete.ts';

const names = fc.oneof(
  fc.string({ maxLength: 210 }),
  fc.string({ unit: fc.constantFrom(' ', '\t', 'a', 'Ё', '\u00a0', '🏃'), maxLength: 205 }),
  fc.integer({ min: 195, max: 205 }).map((n) => ' ' + 'Ё'.repeat(n) + ' '),
);
const notes = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.integer({ min: 3990, max: 4010 }).map((n) => 'я'.repeat(n)),
  fc.integer({ min: 1995, max: 2005 }).map((n) => '🏃'.repeat(n)),
);
const statuses = fc.oneof(fc.constantFrom(...ATHLETE_STATUSES), fc.string({ maxLength: 10 }));

describe('athlete field rules agree with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  const cases: {
    constraint: string;
    column: string;
    arb: fc.Arbitrary<string>;
    zod: z.ZodType;
  }[] = [
    { constraint: 'athletes_name_check', column: 'name', arb: names, zod: athleteNameSchema },
    { constraint: 'athletes_notes_check', column: 'notes', arb: notes, zod: athleteNotesSchema },
    {
      constraint: 'athletes_status_check',
      column: 'status',
      arb: statuses,
      zod: athleteStatusSchema,
    },
  ];

  for (const c of cases) {
    it(`${c.column}: zod and ${c.constraint} agree on 2,000 generated values`, async () => {
      const values = fc.sample(c.arb, 2000).filter((s) => !s.includes('\u0000'));
      const inDb = await checkVerdicts(db, 'athletes', c.constraint, c.column, values);
      const disagree = values.filter((v, i) => c.zod.safeParse(v).success !== inDb[i]);
      expect(disagree).toEqual([]);
    });
  }
});
