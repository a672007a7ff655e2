// The athlete field rules in src/domain/athlete.ts and the CHECK constraints of
// public.athletes must agree (as schedule-rank-agreement.test.ts does for
// schedules and ranks): generated names, notes and statuses go to both.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { checkVerdicts, formDisagreements } from './check-verdicts.ts';
import { unicodeText } from './unicode-text.ts';
import { labelInput, noteInput } from '../../src/domain/clean-text.ts';
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
  unicodeText(30),
);
const notes = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.integer({ min: 3990, max: 4010 }).map((n) => 'я'.repeat(n)),
  fc.integer({ min: 1995, max: 2005 }).map((n) => '🏃'.repeat(n)),
  unicodeText(60),
  unicodeText(30).map((s) => `строка\r\n${s}\n`),
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

  // name and notes: what the form saves passes every check of the column exactly
  // when the form accepts what was typed (composed first, the clean-text rules too)
  const texts = [
    {
      column: 'name',
      constraints: ['athletes_name_check', 'athletes_name_clean_check'],
      arb: names,
      zod: athleteNameSchema,
      saved: labelInput,
    },
    {
      column: 'notes',
      constraints: ['athletes_notes_check', 'athletes_notes_clean_check'],
      arb: notes,
      zod: athleteNotesSchema,
      saved: noteInput,
    },
  ];
  for (const c of texts) {
    it(`${c.column}: zod and ${c.constraints.join(' + ')} agree on 2,000 generated values`, async () => {
      const values = fc.sample(c.arb, 2000);
      const disagree = await formDisagreements(
        db,
        'athletes',
        c.constraints,
        c.column,
        values,
        (v) => c.zod.safeParse(v).success,
        c.saved,
      );
      expect(disagree).toEqual([]);
    });
  }

  it('status: zod and athletes_status_check agree on 2,000 generated values', async () => {
    const values = fc.sample(statuses, 2000).filter((s) => !s.includes('\u0000'));
    const inDb = await checkVerdicts(db, 'athletes', 'athletes_status_check', 'status', values);
    const disagree = values.filter((v, i) => athleteStatusSchema.safeParse(v).success !== inDb[i]);
    expect(disagree).toEqual([]);
  });
});
