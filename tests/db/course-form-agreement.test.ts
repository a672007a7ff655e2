// The course builder's form (src/domain/course-form.ts) and the courses' CHECKs
// must agree: a title, body or quiz the form takes is one the database stores,
// and one the form refuses the database refuses too (as the form would send it:
// trimmed). The quiz's verdict is private.is_valid_quiz's.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../supabase/local/db/database.ts';
import { createTestDatabase } from '../../supabase/local/db/test-database.ts';
import {
  courseTitleSchema,
  lessonFormSchema,
  type LessonDraft,
} from '../../src/domain/course-form.ts';

const text = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: max }),
    fc.string({ unit: 'grapheme', maxLength: max }),
    fc.constantFrom('', ' ', '\t', 'а'.repeat(max), '🏃'.repeat(max), ` ${'б'.repeat(max)} `),
  );

describe('the course builder’s form agrees with the database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function holds(sql: string, params: unknown[]): Promise<boolean> {
    const r = await db.query<{ ok: boolean | null }>(`select (${sql}) as ok`, params);
    return r.rows[0]?.ok === true;
  }

  it('a title: one verdict', async () => {
    await fc.assert(
      fc.asyncProperty(text(202), async (title) => {
        const form = courseTitleSchema.safeParse(title);
        const stored = await holds('char_length(btrim($1::text)) between 1 and 200', [
          title.trim(),
        ]);
        expect(form.success).toBe(stored);
      }),
      { numRuns: 120 },
    );
  });

  it('a quiz: the form takes it exactly when private.is_valid_quiz does', async () => {
    const question = fc.record({
      text: text(12),
      options: fc.array(text(6), { minLength: 0, maxLength: 11 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(question, { minLength: 1, maxLength: 4 }), async (questions) => {
        const draft: LessonDraft = {
          title: 'L',
          kind: 'text',
          body: '',
          isPreview: false,
          dripDays: '0',
          questions: questions.map((q) => ({ ...q, answer: 0 })),
          passMark: '50',
        };
        const form = lessonFormSchema.safeParse(draft);
        const sent = {
          questions: questions.map((q) => ({
            text: q.text.trim(),
            options: q.options.map((o) => o.trim()),
          })),
        };
        const valid = await holds('private.is_valid_quiz($1::jsonb)', [JSON.stringify(sent)]);
        // the form also needs a right option, always the first here: it exists when options do
        expect(form.success).toBe(valid);
        if (form.success) {
          expect(
            await holds('private.is_valid_quiz($1::jsonb)', [JSON.stringify(form.data.row.quiz)]),
          ).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('the pass mark and drip days: the form’s numbers pass the checks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -5, max: 105 }),
        fc.integer({ min: -5, max: 3700 }),
        async (mark, days) => {
          const form = lessonFormSchema.safeParse({
            title: 'L',
            kind: 'text',
            body: '',
            isPreview: false,
            dripDays: String(days),
            questions: [{ text: 'q', options: ['a', 'b'], answer: 0 }],
            passMark: String(mark),
          });
          const stored = await holds('$1::int between 1 and 100 and $2::int between 0 and 3650', [
            mark,
            days,
          ]);
          expect(form.success).toBe(stored);
        },
      ),
      { numRuns: 80 },
    );
  });
});
