// The page's data: one anon call of public.public_coach_page
// (20261206151000_coach_page.sql) over the Supabase REST API, as any visitor
// could make it. The answer is checked, not trusted: a page, a redirect to the
// slug of today, or nothing.
import { z } from 'zod';
import type { Brand } from '../../domain/partner-brand.ts';
import type { PublicSiteContext } from '../public-site-context.ts';

const sessionTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  duration_minutes: z.number().int(),
  price_minor: z.number().int(),
  currency: z.string(),
});

const productSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price_minor: z.number().int(),
  currency: z.string(),
  credits: z.number().int().nullable(),
  valid_days: z.number().int().nullable(),
});

const courseAccessSchema = z.enum(['free', 'paid', 'email', 'members']);

/** the product that sells a paid course (public_site.course_product) */
export const courseProductSchema = z.object({
  id: z.string(),
  name: z.string(),
  price_minor: z.number().int(),
  currency: z.string(),
  credits: z.number().int().nullable(),
  valid_days: z.number().int().nullable(),
});

const courseSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  access: courseAccessSchema,
  lesson_count: z.number().int(),
  preview_count: z.number().int(),
  product: courseProductSchema.nullable(),
});

const pageSchema = z.object({
  slug: z.string(),
  display_name: z.string(),
  bio: z.string(),
  sports: z.array(z.string()),
  certifications: z.array(z.string()),
  place: z.string().nullable(),
  languages: z.array(z.string()),
  photo_url: z.string().nullable(),
  club_name: z.string().nullable(),
  updated_at: z.string(),
  session_types: z.array(sessionTypeSchema),
  products: z.array(productSchema),
  // a database from before the courses answers without them: the page shows none
  courses: z.array(courseSchema).default([]),
  has_bookable_time: z.boolean(),
});

export type CoachPage = z.infer<typeof pageSchema>;
export type SessionTypeOffer = z.infer<typeof sessionTypeSchema>;
export type ProductOffer = z.infer<typeof productSchema>;
export type CourseOffer = z.infer<typeof courseSchema>;
export type CourseAccess = z.infer<typeof courseAccessSchema>;
export type CourseProduct = z.infer<typeof courseProductSchema>;

export type CoachPageAnswer =
  { kind: 'page'; page: CoachPage } | { kind: 'redirect'; slug: string } | { kind: 'none' };

const answerSchema = z.union([z.null(), z.object({ redirect: z.string() }), pageSchema]);

/** the page for `slug`; throws when the database cannot be asked (the route answers 503) */
export async function loadCoachPage(
  ctx: PublicSiteContext,
  slug: string,
): Promise<CoachPageAnswer> {
  const res = await ctx.fetch(
    `${ctx.supabaseUrl.replace(/\/$/, '')}/rest/v1/rpc/public_coach_page`,
    {
      method: 'POST',
      headers: {
        apikey: ctx.anonKey,
        authorization: `Bearer ${ctx.anonKey}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({ p_slug: slug }),
    },
  );
  if (!res.ok) throw new Error(`public_coach_page answered ${res.status}`);
  const answer = answerSchema.parse(await res.json());
  if (answer === null) return { kind: 'none' };
  if ('redirect' in answer && !('slug' in answer))
    return { kind: 'redirect', slug: answer.redirect };
  return { kind: 'page', page: pageSchema.parse(answer) };
}

const brandSchema = z.object({
  name: z.string().min(1),
  logoUrl: z.string().nullable(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable(),
  accentColor: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .nullable(),
});

/**
 * The white-label brand of the club behind the page (public.public_coach_brand,
 * 20261206173000_partner_dashboard.sql: only its name, logo and colours), or
 * null. Never throws: a page without its brand beats no page.
 */
export async function loadCoachBrand(ctx: PublicSiteContext, slug: string): Promise<Brand | null> {
  try {
    const res = await ctx.fetch(
      `${ctx.supabaseUrl.replace(/\/$/, '')}/rest/v1/rpc/public_coach_brand`,
      {
        method: 'POST',
        headers: {
          apikey: ctx.anonKey,
          authorization: `Bearer ${ctx.anonKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ p_slug: slug }),
      },
    );
    if (!res.ok) return null;
    const parsed = brandSchema.safeParse(await res.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
