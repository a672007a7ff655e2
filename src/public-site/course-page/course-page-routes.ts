// A course's public page, /<slug>/courses/<courseId>: the coach page's part of
// the public site (same rendering on the server, same headers), one level down.
// The course is found through the page's coach, so another coach's course under
// this slug is "not found"; under a coach's old slug it answers 301 to the
// current one, as the coach's page does, so a shared link never dies.
import { isValidSlug } from '../../domain/coach-slug.ts';
import { loadCoachPage } from '../coach-page/coach-page-data.ts';
import { publicPageHeaders } from '../coach-page/coach-page-routes.ts';
import { renderNotice } from '../coach-page/coach-page-render.ts';
import { pageLocale } from '../coach-page/page-locale.ts';
import type { PublicRoute } from '../public-site-context.ts';
import { loadCoursePage } from './course-page-data.ts';
import { renderCoursePage } from './course-page-render.ts';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const coursePath = new RegExp(`^/([^/]+)/courses/(${UUID})/?$`);

export const coursePageRoute: PublicRoute = {
  name: 'course-page',
  match(url) {
    const m = coursePath.exec(url.pathname);
    const slug = m?.[1]?.toLowerCase();
    if (!slug || !m?.[2] || !isValidSlug(slug)) return null;
    return { slug, courseId: m[2].toLowerCase() };
  },
  async handle(req, params, ctx) {
    const url = new URL(req.url);
    const locale = pageLocale(url, req.headers.get('accept-language'));
    const supabase = ctx.supabaseUrl.replace(/\/+$/, '');
    // the email form posts to the function; video and audio come signed from storage
    const headers = publicPageHeaders(ctx, 'public, max-age=60', {
      formAction: `${supabase}/functions/v1/public-enroll`,
      media: true,
    });
    const slug = params['slug'] ?? '';
    const courseId = params['courseId'] ?? '';
    let loaded;
    let renamedTo: string | null = null;
    try {
      loaded = await loadCoursePage(ctx, slug, courseId);
      if (!loaded) {
        // only a page that is not there pays for the second question
        const coach = await loadCoachPage(ctx, slug);
        if (coach.kind === 'redirect') renamedTo = coach.slug;
      }
    } catch {
      return new Response(renderNotice('unavailable', locale), {
        status: 503,
        headers: { ...headers, 'cache-control': 'no-store', 'retry-after': '60' },
      });
    }
    if (renamedTo) {
      return new Response(null, {
        status: 301,
        headers: {
          location: `/${renamedTo}/courses/${courseId}${url.search}`,
          'cache-control': 'public, max-age=60',
        },
      });
    }
    if (!loaded) {
      return new Response(renderNotice('notFound', locale), { status: 404, headers });
    }
    const sent = url.searchParams.get('sent') === '1';
    const error = url.searchParams.get('error');
    const html = renderCoursePage(loaded.page, {
      locale,
      siteUrl: ctx.siteUrl,
      enrollAction: `${supabase}/functions/v1/public-enroll`,
      media: loaded.media,
      sent,
      error: error && /^[a-z_]{1,40}$/.test(error) ? error : null,
    });
    // a page with a message is the visitor's own; signed media URLs outlive a minute's cache
    return new Response(html, {
      status: 200,
      headers: sent || error ? { ...headers, 'cache-control': 'no-store' } : headers,
    });
  },
};

export const coursePageRoutes: readonly PublicRoute[] = [coursePageRoute];
