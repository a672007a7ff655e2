// What the course builder reads and writes. Courses and lessons are synced
// tables: the builder writes them on the device (row + outbox in one
// transaction, engine.change), so what the coach typed is kept offline and
// reaches the server with the next sync. Three things need the server itself
// and say so when offline: a quiz's right answers (set_lesson_quiz_key: never in
// a synced row), a file in `course-media` (its policy wants the course already
// on the server) and a paid course's price (save_course_product: products are
// not synced). The answers typed offline wait on the device until they can go.
import { z } from 'zod';
import { applyLocalChange } from '../../data/apply-local-change.ts';
import { callRpc } from '../../data/call-rpc.ts';
import { uploadCourseMedia } from '../../data/storage.ts';
import { describeError, type ErrorDescription } from '../../data/describe-error.ts';
import { isLive, liveRows, liveRowsWhere } from '../../data/live-rows.ts';
import { observeLocal, type LocalSubscription } from '../../data/observe-local.ts';
import type { SyncEngine } from '../../data/start-sync-engine.ts';
import type { AppClient } from '../../data/supabase-client.ts';
import type { CourseLessonRow, CourseRow } from '../../data/synced-rows.ts';
import type { CourseRowInput, LessonFormOutput } from '../../domain/course-form.ts';
import { courseMediaPath, movePatches, nextPosition } from '../../domain/course-form.ts';
import { coursesStrings } from './courses-strings.ts';

type Answer<T> = { ok: true; data: T } | { ok: false; error: ErrorDescription };

function inBuilderWords(error: ErrorDescription): { ok: false; error: ErrorDescription } {
  const refusals: Record<string, string> = coursesStrings.builder.refusal;
  const words = error.hint ? refusals[error.hint] : undefined;
  return { ok: false, error: words ? { ...error, message: words } : error };
}

/** the courses the user teaches: their own, and every course of a club they run */
export function observeTaughtCourses(
  engine: SyncEngine,
  adminOrgIds: readonly string[],
  onChange: (courses: CourseRow[]) => void,
): LocalSubscription {
  return observeLocal(
    async () =>
      (await liveRows(engine.db, 'courses'))
        .filter((c) => c.coach_id === engine.userId || adminOrgIds.includes(c.org_id))
        .sort((a, b) => a.title.localeCompare(b.title)),
    onChange,
    'taught courses',
  );
}

export interface BuilderCourse {
  course: CourseRow | undefined;
  /** live lessons, in order */
  lessons: CourseLessonRow[];
  /** rows of this course still waiting for the server */
  pending: number;
}

/** one course with its lessons as the device holds them */
export function observeBuilderCourse(
  engine: SyncEngine,
  courseId: string,
  onChange: (d: BuilderCourse) => void,
): LocalSubscription {
  const db = engine.db;
  return observeLocal(
    async (): Promise<BuilderCourse> => {
      const [course, lessons] = await Promise.all([
        db.rows('courses').get(courseId),
        liveRowsWhere(db, 'course_lessons', 'course_id', [courseId]),
      ]);
      const ids = [courseId, ...lessons.map((l) => l.id)];
      const pending = await db.outbox
        .filter(
          (e) => ids.includes(e.rowId) && (e.table === 'courses' || e.table === 'course_lessons'),
        )
        .count();
      return {
        course: course && isLive(course) ? course : undefined,
        lessons: lessons.sort((a, b) => a.position - b.position),
        pending,
      };
    },
    onChange,
    'course builder',
  );
}

/** a new course of `orgId`, taught by `coachId`; returns its id */
export async function createCourse(
  engine: SyncEngine,
  orgId: string,
  coachId: string,
  row: CourseRowInput,
): Promise<string> {
  const id = crypto.randomUUID();
  await engine.change({
    table: 'courses',
    op: 'insert',
    row: { id, org_id: orgId, coach_id: coachId, cover_path: null, ...row },
  });
  return id;
}

export async function updateCourse(
  engine: SyncEngine,
  id: string,
  patch: Partial<CourseRowInput> & { cover_path?: string | null },
): Promise<void> {
  await engine.change({ table: 'courses', op: 'update', id, patch });
}

/** adds a lesson after the course's last one; returns its id */
export async function addLesson(
  engine: SyncEngine,
  course: { id: string; org_id: string },
  lessons: readonly CourseLessonRow[],
  row: LessonFormOutput['row'] & { media_path: string | null },
): Promise<string> {
  const id = crypto.randomUUID();
  await engine.change({
    table: 'course_lessons',
    op: 'insert',
    row: {
      id,
      org_id: course.org_id,
      course_id: course.id,
      position: nextPosition(lessons),
      ...row,
    },
  });
  return id;
}

export async function updateLesson(
  engine: SyncEngine,
  id: string,
  patch: Partial<LessonFormOutput['row']> & { media_path?: string | null },
): Promise<void> {
  await engine.change({ table: 'course_lessons', op: 'update', id, patch });
}

/**
 * A lesson's soft delete (the tombstone takes it off learners' devices), and the
 * lessons after it move up one place, so learners' numbering has no gap. One
 * local transaction: the moves leave in the delete's push.
 */
export async function deleteLesson(
  engine: SyncEngine,
  lessons: readonly CourseLessonRow[],
  id: string,
): Promise<void> {
  const gone = lessons.find((l) => l.id === id);
  if (!gone) return;
  const db = engine.db;
  await db.transaction('rw', [db.store('course_lessons'), db.outbox, db.meta], async () => {
    await applyLocalChange(db, { table: 'course_lessons', op: 'delete', id });
    const later = lessons
      .filter((l) => l.position > gone.position)
      .sort((a, b) => a.position - b.position);
    for (const l of later) {
      await applyLocalChange(db, {
        table: 'course_lessons',
        op: 'update',
        id: l.id,
        patch: { position: l.position - 1 },
      });
    }
  });
  engine.requestSync();
}

/**
 * Moves a lesson one place: both position changes are queued in one local
 * transaction, so they leave in the same push and the deferred
 * course_lessons_position_key sees them together.
 */
export async function moveLesson(
  engine: SyncEngine,
  lessons: readonly CourseLessonRow[],
  id: string,
  direction: -1 | 1,
): Promise<boolean> {
  const patches = movePatches(lessons, id, direction);
  if (!patches) return false;
  const db = engine.db;
  await db.transaction('rw', [db.store('course_lessons'), db.outbox, db.meta], async () => {
    for (const p of patches) {
      await applyLocalChange(db, {
        table: 'course_lessons',
        op: 'update',
        id: p.id,
        patch: { position: p.position },
      });
    }
  });
  engine.requestSync();
  return true;
}

/** why a file did not reach the course's folder */
export type CourseUploadRefusal =
  { why: 'offline' } | { why: 'not_pushed' } | { why: 'storage'; problem: string };

/**
 * Uploads a file (a cover, a lesson's media) into the course's folder of
 * `course-media` once the course row is on the server, whose policy reads it:
 * the object's path, or why not.
 */
export async function uploadToCourse(
  client: AppClient,
  engine: SyncEngine,
  courseId: string,
  file: File,
  online: boolean,
): Promise<{ ok: true; path: string } | ({ ok: false } & CourseUploadRefusal)> {
  if (!online) return { ok: false, why: 'offline' };
  if (!(await whenPushed(engine, 'courses', courseId))) return { ok: false, why: 'not_pushed' };
  const path = courseMediaPath(courseId, file.name, Date.now());
  const result = await uploadCourseMedia(client, path, file);
  return result.ok ? { ok: true, path } : { ok: false, why: 'storage', problem: result.problem };
}

/**
 * Waits until the device has pushed every change of this row (the server holds
 * it): what a file upload or a quiz's answers need first. False on timeout,
 * e.g. offline or a refused change (shown on /sync).
 */
export async function whenPushed(
  engine: SyncEngine,
  table: 'courses' | 'course_lessons',
  id: string,
  timeoutMs = 20_000,
): Promise<boolean> {
  const queued = () => engine.db.outbox.where('[table+rowId]').equals([table, id]).count();
  const step = 250;
  engine.requestSync();
  // counted in steps, not read from Date: a page's clock may stand still (tests pin it)
  for (let waited = 0; (await queued()) > 0; waited += step) {
    if (waited >= timeoutMs) return false;
    await new Promise((r) => setTimeout(r, step));
  }
  return true;
}

// the answers typed while they could not be sent, per user and lesson
const pendingKeyPrefix = 'trackside-quiz-answers:';

function pendingKeyName(userId: string, lessonId: string): string {
  return `${pendingKeyPrefix}${userId}:${lessonId}`;
}

/** the answers of a lesson's quiz still waiting on this device, if any */
export function pendingQuizAnswers(userId: string, lessonId: string): number[] | null {
  try {
    const raw = localStorage.getItem(pendingKeyName(userId, lessonId));
    if (!raw) return null;
    const parsed = z.array(z.number().int().min(0)).safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** keeps (or, with null, forgets) the answers typed for a lesson on this device */
export function keepPending(userId: string, lessonId: string, answers: number[] | null): void {
  try {
    if (answers) localStorage.setItem(pendingKeyName(userId, lessonId), JSON.stringify(answers));
    else localStorage.removeItem(pendingKeyName(userId, lessonId));
  } catch {
    // storage blocked: the page still holds the answers in its draft
  }
}

/**
 * Sends a quiz's right answers once the lesson is on the server. They are kept
 * on the device first, and forgotten only when the server took them.
 */
export async function saveQuizAnswers(
  engine: SyncEngine,
  client: AppClient,
  lessonId: string,
  answers: number[],
): Promise<Answer<null>> {
  keepPending(engine.userId, lessonId, answers);
  if (!(await whenPushed(engine, 'course_lessons', lessonId))) {
    return inBuilderWords({ ...describeError(new TypeError('offline')), hint: 'not_pushed' });
  }
  const result = await callRpc(client, 'set_lesson_quiz_key', {
    p_lesson: lessonId,
    p_answers: answers,
  });
  if (!result.ok) return inBuilderWords(result.error);
  keepPending(engine.userId, lessonId, null);
  return { ok: true, data: null };
}

/** the stored right answers of a lesson's quiz (the course's staff only) */
export async function loadQuizAnswers(
  client: AppClient,
  lessonId: string,
): Promise<Answer<number[] | null>> {
  const result = await callRpc(client, 'lesson_quiz_key', { p_lesson: lessonId });
  if (!result.ok) return inBuilderWords(result.error);
  const parsed = z.array(z.number().int()).nullable().safeParse(result.data);
  if (!parsed.success) return { ok: false, error: describeError(parsed.error) };
  return { ok: true, data: parsed.data };
}

export interface CourseProduct {
  id: string;
  price_minor: number;
  currency: string;
  credits: number | null;
  valid_days: number | null;
  active: boolean;
}

/** the course's product (its price), null when it has none */
export async function loadCourseProductDetails(
  client: AppClient,
  courseId: string,
): Promise<Answer<CourseProduct | null>> {
  const { data, error } = await client
    .from('products')
    .select('id, price_minor, currency, credits, valid_days, active')
    .eq('course_id', courseId)
    .order('created_at')
    .limit(1);
  if (error) return { ok: false, error: describeError(error) };
  const row = (data as CourseProduct[] | null)?.[0] ?? null;
  return { ok: true, data: row };
}

/** sets the course's price and optional session credits (the course + booking combo) */
export async function saveCourseProduct(
  client: AppClient,
  courseId: string,
  price: {
    priceMinor: number;
    currency: string;
    credits: number | null;
    validDays: number | null;
    active: boolean;
  },
): Promise<Answer<string>> {
  const result = await callRpc(client, 'save_course_product', {
    p_course: courseId,
    p_price_minor: price.priceMinor,
    p_currency: price.currency,
    p_credits: price.credits,
    p_valid_days: price.validDays,
    p_active: price.active,
  });
  if (!result.ok) return inBuilderWords(result.error);
  return { ok: true, data: String(result.data) };
}
