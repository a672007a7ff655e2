// A course's public page data: one anon call of public.public_course_page
// (20261206160000_public_courses.sql), then, when the page shows a cover or a
// preview lesson's video or audio, one anon request that signs those objects of
// the private `course-media` bucket for ten minutes (the storage policy lets anon
// sign exactly those). The answers are checked, not trusted.
import { z } from 'zod';
import { courseProductSchema } from '../coach-page/coach-page-data.ts';
import type { PublicSiteContext } from '../public-site-context.ts';

const lessonSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  kind: z.enum(['text', 'video', 'audio']),
  is_preview: z.boolean(),
  drip_days: z.number().int(),
  has_quiz: z.boolean(),
  body: z.string().nullable(),
  media_path: z.string().nullable(),
});

const coursePageSchema = z.object({
  slug: z.string(),
  coach_name: z.string(),
  club_name: z.string().nullable(),
  course: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    access: z.enum(['free', 'paid', 'email', 'members']),
    enforce_order: z.boolean(),
    cover_path: z.string().nullable(),
    updated_at: z.string(),
  }),
  product: courseProductSchema.nullable(),
  lessons: z.array(lessonSchema),
});

export type CoursePage = z.infer<typeof coursePageSchema>;
export type PublicLesson = z.infer<typeof lessonSchema>;

/** the page with its objects' signed URLs (path → absolute URL) */
export interface LoadedCoursePage {
  page: CoursePage;
  media: ReadonlyMap<string, string>;
}

/** signed URLs live this long: a visitor who opens a preview later reloads the page */
export const MEDIA_URL_SECONDS = 600;

function anonHeaders(ctx: PublicSiteContext): Record<string, string> {
  return {
    apikey: ctx.anonKey,
    authorization: `Bearer ${ctx.anonKey}`,
    'content-type': 'application/json',
    accept: 'application/json',
  };
}

const signedSchema = z.array(
  z.object({ path: z.string().nullable(), signedURL: z.string().nullable() }).loose(),
);

/** signs `paths` as anon; what cannot be signed is simply left out */
async function signMedia(
  ctx: PublicSiteContext,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (paths.length === 0) return out;
  const storage = `${ctx.supabaseUrl.replace(/\/+$/, '')}/storage/v1`;
  try {
    const res = await ctx.fetch(`${storage}/object/sign/course-media`, {
      method: 'POST',
      headers: anonHeaders(ctx),
      body: JSON.stringify({ expiresIn: MEDIA_URL_SECONDS, paths }),
    });
    if (!res.ok) return out;
    for (const item of signedSchema.parse(await res.json())) {
      if (item.path && item.signedURL) out.set(item.path, `${storage}${item.signedURL}`);
    }
  } catch {
    // the page reads without its pictures and players rather than failing
  }
  return out;
}

/** the course page, or null; throws when the database cannot be asked (the route answers 503) */
export async function loadCoursePage(
  ctx: PublicSiteContext,
  slug: string,
  courseId: string,
): Promise<LoadedCoursePage | null> {
  const res = await ctx.fetch(
    `${ctx.supabaseUrl.replace(/\/+$/, '')}/rest/v1/rpc/public_course_page`,
    {
      method: 'POST',
      headers: anonHeaders(ctx),
      body: JSON.stringify({ p_slug: slug, p_course: courseId }),
    },
  );
  if (!res.ok) throw new Error(`public_course_page answered ${res.status}`);
  const answer = z.union([z.null(), coursePageSchema]).parse(await res.json());
  if (answer === null) return null;
  const paths = [
    answer.course.cover_path,
    ...answer.lessons.filter((l) => l.kind !== 'text').map((l) => l.media_path),
  ].filter((p): p is string => typeof p === 'string' && p !== '');
  return { page: answer, media: await signMedia(ctx, paths) };
}
