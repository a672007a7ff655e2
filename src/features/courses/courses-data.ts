// What the course pages read and call. The device holds the courses one may see,
// one's enrolments and progress, and the lessons open to one right now (their
// select policy is the entitlement, so a lesson leaves the device at the first
// sync after access ends): that is what is read offline. The outline with its
// closed lessons (titles, when they open) comes from course_outline, and every
// write goes through enroll_course and complete_lesson.
import { z } from 'zod';
import { callRpc } from '../../data/call-rpc.ts';
import type { ErrorDescription } from '../../data/describe-error.ts';
import { describeError } from '../../data/describe-error.ts';
import { isLive, liveRows, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type {
  CourseEnrollmentRow,
  CourseLessonRow,
  CourseRow,
  LessonProgresRow,
} from '../../data/synced-rows.ts';
import { coursesStrings } from './courses-strings.ts';

export type CourseAccess = 'free' | 'paid' | 'email' | 'members';

export interface MyCourses {
  /** my enrolments, newest first, with their course */
  mine: { course: CourseRow; enrollment: CourseEnrollmentRow }[];
  /** published courses of my clubs I am not enrolled in */
  club: CourseRow[];
}

/** my courses and my clubs' other courses, from the device */
export function observeMyCourses(
  engine: SyncEngine,
  onChange: (d: MyCourses) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<MyCourses> => {
      const [courses, enrollments] = await Promise.all([
        liveRows(db, 'courses'),
        liveRowsWhere(db, 'course_enrollments', 'user_id', [engine.userId]),
      ]);
      const byId = new Map(courses.map((c) => [c.id, c]));
      const mine = enrollments
        .map((enrollment) => ({ course: byId.get(enrollment.course_id), enrollment }))
        .filter((m): m is { course: CourseRow; enrollment: CourseEnrollmentRow } => !!m.course)
        .sort((a, b) => b.enrollment.enrolled_at.localeCompare(a.enrollment.enrolled_at));
      const enrolled = new Set(enrollments.map((e) => e.course_id));
      const club = courses
        .filter((c) => c.published && !enrolled.has(c.id))
        .sort((a, b) => a.title.localeCompare(b.title));
      return { mine, club };
    },
    onChange,
    'my courses',
  );
}

export interface LocalCourse {
  course: CourseRow | undefined;
  enrollment: CourseEnrollmentRow | undefined;
  /** the lessons on the device (those open to me), in order */
  lessons: CourseLessonRow[];
  progress: Map<string, LessonProgresRow>;
}

/** one course as the device holds it */
export function observeCourse(
  engine: SyncEngine,
  courseId: string,
  onChange: (d: LocalCourse) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<LocalCourse> => {
      const [course, enrollments, lessons] = await Promise.all([
        db.rows('courses').get(courseId),
        liveRowsWhere(db, 'course_enrollments', 'course_id', [courseId]),
        liveRowsWhere(db, 'course_lessons', 'course_id', [courseId]),
      ]);
      const enrollment = enrollments.find((e) => e.user_id === engine.userId);
      const progress = enrollment
        ? await liveRowsWhere(db, 'lesson_progress', 'enrollment_id', [enrollment.id])
        : [];
      return {
        course: course && isLive(course) ? course : undefined,
        enrollment,
        lessons: lessons.sort((a, b) => a.position - b.position),
        progress: new Map(progress.map((p) => [p.lesson_id, p])),
      };
    },
    onChange,
    'course',
  );
}

const outlineLessonSchema = z.object({
  id: z.string(),
  position: z.number(),
  title: z.string(),
  kind: z.enum(['text', 'video', 'audio']),
  isPreview: z.boolean(),
  hasQuiz: z.boolean(),
  passMark: z.number().nullable(),
  unlockAt: z.string().nullable(),
  open: z.boolean(),
  lockReason: z.enum(['enroll', 'drip', 'order']).nullable(),
  body: z.string().nullable(),
  completedAt: z.string().nullable(),
  bestScore: z.number().nullable(),
  attempts: z.number().nullable(),
});

const outlineSchema = z.object({
  course: z.object({
    id: z.string(),
    orgId: z.string(),
    title: z.string(),
    summary: z.string(),
    access: z.enum(['free', 'paid', 'email', 'members']),
  }),
  enrollment: z
    .object({
      id: z.string(),
      status: z.enum(['active', 'cancelled', 'refunded']),
      enrolledAt: z.string(),
      timeZone: z.string(),
    })
    .nullable(),
  isStaff: z.boolean(),
  lessons: z.array(outlineLessonSchema),
});

export type Outline = z.infer<typeof outlineSchema>;
export type OutlineLesson = z.infer<typeof outlineLessonSchema>;

type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorDescription };

/** a refusal in the course's words when the server named its reason */
function inCourseWords(error: ErrorDescription): ErrorDescription {
  const refusals: Record<string, string> = coursesStrings.refusal;
  const words = error.hint ? refusals[error.hint] : undefined;
  return words ? { ...error, message: words } : error;
}

function refused(error: ErrorDescription): { ok: false; error: ErrorDescription } {
  return { ok: false, error: inCourseWords(error) };
}

/** the whole outline: every title, what is closed and when it opens */
export async function loadOutline(client: AppClient, courseId: string): Promise<Answer<Outline>> {
  const result = await callRpc(client, 'course_outline', { p_course: courseId });
  if (!result.ok) return refused(result.error);
  const parsed = outlineSchema.safeParse(result.data);
  if (!parsed.success) return { ok: false, error: describeError(parsed.error) };
  return { ok: true, data: parsed.data };
}

/** the listed product that sells the course, to buy it at /checkout/<id> */
export async function loadCourseProduct(
  client: AppClient,
  courseId: string,
): Promise<string | null> {
  const { data, error } = await client
    .from('products')
    .select('id')
    .eq('course_id', courseId)
    .eq('active', true)
    .limit(1);
  if (error || !data) return null;
  const row = (data as { id: string }[])[0];
  return row?.id ?? null;
}

/** enrol in a free, email-gated or members' course, in the device's time zone */
export async function enrollInCourse(
  client: AppClient,
  courseId: string,
  timeZone: string,
): Promise<Answer<null>> {
  const result = await callRpc(client, 'enroll_course', {
    p_course: courseId,
    p_time_zone: timeZone,
  });
  return result.ok ? { ok: true, data: null } : refused(result.error);
}

const completionSchema = z.object({
  completed: z.boolean(),
  score: z.number().optional(),
  passed: z.boolean().optional(),
  passMark: z.number().optional(),
  bestScore: z.number().nullable().optional(),
  attempts: z.number().optional(),
});

export type Completion = z.infer<typeof completionSchema>;

/** complete a lesson (its quiz's answers, when it has one); the server scores it */
export async function completeLesson(
  client: AppClient,
  lessonId: string,
  answers: number[] | null,
): Promise<Answer<Completion>> {
  const result = await callRpc(client, 'complete_lesson', {
    p_lesson: lessonId,
    p_answers: answers,
  });
  if (!result.ok) return refused(result.error);
  const parsed = completionSchema.safeParse(result.data);
  if (!parsed.success) return { ok: false, error: describeError(parsed.error) };
  return { ok: true, data: parsed.data };
}
