// A lesson's quiz as the learner sees it (questions and options, never the
// answers: those stay on the server, private.course_quiz_keys) and the answers a
// learner sends to complete_lesson. The shapes repeat private.is_valid_quiz and
// complete_lesson's checks in 20261206156000_courses.sql.
import { z } from 'zod';

export const quizSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            text: z.string().min(1).max(1000),
            options: z.array(z.string().min(1).max(500)).min(2).max(10),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export type Quiz = z.infer<typeof quizSchema>;

/** the quiz of a lesson row, or null when it has none or it is not one */
export function readQuiz(value: unknown): Quiz | null {
  if (value === null || value === undefined) return null;
  const parsed = quizSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The chosen option of every question, in order, ready to send; null while a
 * question is unanswered or a choice is not one of its options.
 */
export function quizAnswers(quiz: Quiz, chosen: ReadonlyMap<number, number>): number[] | null {
  const answers: number[] = [];
  for (const [i, q] of quiz.questions.entries()) {
    const c = chosen.get(i);
    if (c === undefined || !Number.isInteger(c) || c < 0 || c >= q.options.length) return null;
    answers.push(c);
  }
  return answers;
}
