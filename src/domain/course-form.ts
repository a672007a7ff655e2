// What the course builder accepts, in agreement with the CHECKs of public.courses
// and public.course_lessons and with private.is_valid_quiz
// (20261206156000_courses.sql; tests/db/course-form-agreement.test.ts). The
// builder's quiz has a right option per question: it is split here into the
// quiz the lesson row carries (questions and options only) and the answers,
// which go to set_lesson_quiz_key and never into a synced row.
// Messages are codes; the page words them in the reader's language.
import { z } from 'zod';
import { quizSchema, type Quiz } from './course-quiz.ts';

export const COURSE_TITLE_MAX = 200;
export const COURSE_SUMMARY_MAX = 4000;
export const LESSON_BODY_MAX = 100_000;
export const QUIZ_QUESTIONS_MAX = 50;
export const QUIZ_QUESTION_MAX = 1000;
export const QUIZ_OPTIONS_MIN = 2;
export const QUIZ_OPTIONS_MAX = 10;
export const QUIZ_OPTION_MAX = 500;
export const DRIP_DAYS_MAX = 3650;

export const COURSE_ACCESS = ['free', 'paid', 'email', 'members'] as const;
export const LESSON_KINDS = ['text', 'video', 'audio'] as const;
export type CourseAccessKind = (typeof COURSE_ACCESS)[number];
export type LessonKind = (typeof LESSON_KINDS)[number];

/** the length Postgres' char_length counts: code points, not UTF-16 units */
export function codePoints(text: string): number {
  return [...text].length;
}

const boundedText = (message: string, min: number, max: number) =>
  z.string().refine((s) => codePoints(s) >= min && codePoints(s) <= max, message);

/** a title: trimmed, 1–200 characters */
export const courseTitleSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(boundedText('title', 1, COURSE_TITLE_MAX));

/** the course form as the page holds it */
export interface CourseDraft {
  title: string;
  summary: string;
  access: string;
  published: boolean;
  enforceOrder: boolean;
  dripBasis: string;
  /** YYYY-MM-DD, used when dripBasis is `date` */
  dripStart: string;
}

export const courseFormSchema = z
  .object({
    title: courseTitleSchema,
    summary: z
      .string()
      .transform((s) => s.trim())
      .pipe(boundedText('summary', 0, COURSE_SUMMARY_MAX)),
    access: z.enum(COURSE_ACCESS, 'access'),
    published: z.boolean(),
    enforceOrder: z.boolean(),
    dripBasis: z.enum(['enrollment', 'date'], 'dripBasis'),
    dripStart: z.string().trim(),
  })
  .transform((form, ctx) => {
    let dripStart: string | null = null;
    if (form.dripBasis === 'date') {
      if (!isCalendarDate(form.dripStart)) {
        ctx.addIssue({ code: 'custom', path: ['dripStart'], message: 'dripStart' });
        return z.NEVER;
      }
      dripStart = form.dripStart;
    }
    return {
      title: form.title,
      summary: form.summary,
      access: form.access,
      published: form.published,
      enforce_order: form.enforceOrder,
      drip_basis: form.dripBasis,
      drip_start: dripStart,
    };
  });

export type CourseRowInput = z.output<typeof courseFormSchema>;

/** a real date written YYYY-MM-DD (no 2026-02-30) */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return y >= 1 && days !== undefined && d >= 1 && d <= days;
}

/** one question as the builder edits it: the right option is one of its options */
export interface QuestionDraft {
  text: string;
  options: string[];
  /** the right option's index, or null while none is marked */
  answer: number | null;
}

export interface LessonDraft {
  title: string;
  kind: string;
  body: string;
  isPreview: boolean;
  dripDays: string;
  /** no questions: the lesson has no quiz */
  questions: QuestionDraft[];
  passMark: string;
}

const questionSchema = z
  .object({
    text: z
      .string()
      .transform((s) => s.trim())
      .pipe(boundedText('questionText', 1, QUIZ_QUESTION_MAX)),
    options: z
      .array(
        z
          .string()
          .transform((s) => s.trim())
          .pipe(boundedText('option', 1, QUIZ_OPTION_MAX)),
      )
      .min(QUIZ_OPTIONS_MIN, 'options')
      .max(QUIZ_OPTIONS_MAX, 'options'),
    answer: z.number().int().nullable(),
  })
  .superRefine((q, ctx) => {
    if (q.answer === null || q.answer < 0 || q.answer >= q.options.length) {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'answer' });
    }
  });

const wholeNumber = (message: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, message)
    .transform(Number)
    .pipe(z.number().int().min(min, message).max(max, message));

export const lessonFormSchema = z
  .object({
    title: courseTitleSchema,
    kind: z.enum(LESSON_KINDS, 'kind'),
    body: z.string().pipe(boundedText('body', 0, LESSON_BODY_MAX)),
    isPreview: z.boolean(),
    dripDays: wholeNumber('dripDays', 0, DRIP_DAYS_MAX),
    questions: z.array(questionSchema).max(QUIZ_QUESTIONS_MAX, 'questions'),
    passMark: z.string(),
  })
  .transform((form, ctx) => {
    let quiz: Quiz | null = null;
    let passMark: number | null = null;
    let answers: number[] | null = null;
    if (form.questions.length > 0) {
      const mark = wholeNumber('passMark', 1, 100).safeParse(form.passMark);
      if (!mark.success) {
        ctx.addIssue({ code: 'custom', path: ['passMark'], message: 'passMark' });
        return z.NEVER;
      }
      passMark = mark.data;
      quiz = quizSchema.parse({
        questions: form.questions.map((q) => ({ text: q.text, options: q.options })),
      });
      answers = form.questions.map((q) => q.answer ?? 0);
    }
    return {
      row: {
        title: form.title,
        kind: form.kind,
        body: form.body,
        is_preview: form.isPreview,
        drip_days: form.dripDays,
        quiz,
        pass_mark: passMark,
      },
      answers,
    };
  });

export type LessonFormOutput = z.output<typeof lessonFormSchema>;

/** a fresh question: two empty options, none marked right */
export function emptyQuestion(): QuestionDraft {
  return { text: '', options: ['', ''], answer: null };
}

/** the draft of a stored lesson; `answers` are the right options when the page knows them */
export function lessonDraftOf(
  row: {
    title: string;
    kind: string;
    body: string;
    is_preview: boolean;
    drip_days: number;
    quiz: unknown;
    pass_mark: number | null;
  },
  quiz: Quiz | null,
  answers: readonly number[] | null,
): LessonDraft {
  return {
    title: row.title,
    kind: row.kind,
    body: row.body,
    isPreview: row.is_preview,
    dripDays: String(row.drip_days),
    questions: (quiz?.questions ?? []).map((q, i) => ({
      text: q.text,
      options: [...q.options],
      answer: answers?.[i] ?? null,
    })),
    passMark: row.pass_mark === null ? '80' : String(row.pass_mark),
  };
}

/** where a lesson goes when added: after every live lesson */
export function nextPosition(lessons: readonly { position: number }[]): number {
  return lessons.reduce((max, l) => Math.max(max, l.position), 0) + 1;
}

/**
 * The two position changes that move lesson `id` one place up (-1) or down (+1)
 * among `lessons` (live ones), or null at an end. Both go in one push, so the
 * deferred constraint sees them together.
 */
export function movePatches(
  lessons: readonly { id: string; position: number }[],
  id: string,
  direction: -1 | 1,
): { id: string; position: number }[] | null {
  const sorted = [...lessons].sort((a, b) => a.position - b.position);
  const i = sorted.findIndex((l) => l.id === id);
  const j = i + direction;
  const a = sorted[i];
  const b = sorted[j];
  if (i < 0 || !a || !b) return null;
  return [
    { id: a.id, position: b.position },
    { id: b.id, position: a.position },
  ];
}

/** a lesson's media types by kind, as the file picker offers them */
export const MEDIA_ACCEPT: Record<Exclude<LessonKind, 'text'>, string> = {
  video: 'video/*',
  audio: 'audio/*',
};

/** the largest file the builder sends (the project's upload limit) */
export const MEDIA_MAX_BYTES = 50 * 1024 * 1024;

export type MediaProblem = 'wrong-type' | 'too-large' | 'empty';

/** why a chosen file cannot be a `kind` lesson's media, or null when it can */
export function mediaProblem(
  kind: LessonKind,
  file: { type: string; size: number },
): MediaProblem | null {
  if (kind === 'text') return 'wrong-type';
  if (!file.type.toLowerCase().startsWith(`${kind}/`)) return 'wrong-type';
  if (file.size <= 0) return 'empty';
  if (file.size > MEDIA_MAX_BYTES) return 'too-large';
  return null;
}

/**
 * The object key of a course's file in `course-media`: `<course>/<time>-<name>`,
 * the name cut to Storage's safe alphabet (courses_cover_in_course and
 * course_lessons_media_in_course want the course's folder).
 */
export function courseMediaPath(courseId: string, fileName: string, nowMs: number): string {
  const dot = fileName.lastIndexOf('.');
  const ext =
    dot > 0
      ? fileName
          .slice(dot + 1)
          .toLowerCase()
          .replace(/[^a-z0-9]/g, '')
      : '';
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const name = `${nowMs}-${stem || 'file'}${ext ? `.${ext.slice(0, 8)}` : ''}`;
  return `${courseId}/${name}`;
}
