// What the guest's pages read, over HTTP with the anon key like any visitor:
// the published page and its session types (RLS gives anon exactly those), the
// open times (public.public_slots) and a manage link's booking
// (public.guest_booking_view — read-only, so opening a link changes nothing).
import type { PublicSiteContext } from '../public-site-context.ts';

export interface CoachPage {
  slug: string;
  display_name: string;
  place: string | null;
  org_id: string;
  coach_id: string;
}

export interface SessionType {
  id: string;
  name: string;
  description: string;
  duration_minutes: number;
  price_minor: number;
  currency: string;
}

export interface OpenTimes {
  time_zone: string;
  duration_minutes: number;
  slots: string[];
}

export interface BookingView {
  booking_id: string;
  status: string;
  guest_name: string | null;
  starts_at: string;
  ends_at: string;
  coach_time_zone: string;
  time_zone: string;
  locale: string | null;
  coach_name: string;
  slug: string | null;
  place: string | null;
  session_type_id: string | null;
  session_type: string | null;
  duration_minutes: number;
  price_minor: number;
  currency: string;
  change_until: string;
  can_cancel: boolean;
  can_reschedule: boolean;
}

/** an answer the page shows as "not there" (404) rather than as a failure */
export class NotThere extends Error {}

function headers(ctx: PublicSiteContext): Record<string, string> {
  return {
    apikey: ctx.anonKey,
    authorization: `Bearer ${ctx.anonKey}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
}

async function rpc<T>(ctx: PublicSiteContext, fn: string, args: Record<string, unknown>) {
  const res = await ctx.fetch(`${ctx.supabaseUrl.replace(/\/+$/, '')}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: headers(ctx),
    body: JSON.stringify(args),
  });
  if (!res.ok) {
    // what our SQL raises for "no such thing" (P0002) and bad arguments (22023,
    // 22P02): PostgREST answers 404 / 400, some gateways 500, so the code decides
    const err = (await res.json().catch(() => null)) as { code?: unknown } | null;
    if (res.status === 404 || ['P0002', '22023', '22P02'].includes(String(err?.code))) {
      throw new NotThere(fn);
    }
    throw new Error(`${fn} answered ${res.status}`);
  }
  return (await res.json()) as T;
}

async function rows<T>(ctx: PublicSiteContext, path: string): Promise<T[]> {
  const res = await ctx.fetch(`${ctx.supabaseUrl.replace(/\/+$/, '')}/rest/v1/${path}`, {
    headers: headers(ctx),
  });
  if (!res.ok) throw new Error(`${path.split('?')[0]} answered ${res.status}`);
  return (await res.json()) as T[];
}

export async function coachPage(ctx: PublicSiteContext, slug: string): Promise<CoachPage> {
  const found = await rows<CoachPage>(
    ctx,
    `coach_pages?select=slug,display_name,place,org_id,coach_id&published=eq.true&slug=eq.${encodeURIComponent(slug)}`,
  );
  const page = found[0];
  if (!page) throw new NotThere(slug);
  return page;
}

export function sessionTypes(ctx: PublicSiteContext, page: CoachPage): Promise<SessionType[]> {
  return rows<SessionType>(
    ctx,
    `session_types?select=id,name,description,duration_minutes,price_minor,currency` +
      `&org_id=eq.${page.org_id}&coach_id=eq.${page.coach_id}&active=eq.true&order=position,name`,
  );
}

export function openTimes(
  ctx: PublicSiteContext,
  slug: string,
  type: string,
  from: Date,
  to: Date,
): Promise<OpenTimes> {
  return rpc<OpenTimes>(ctx, 'public_slots', {
    p_slug: slug,
    p_session_type: type,
    p_from: from.toISOString(),
    p_to: to.toISOString(),
  });
}

export function bookingView(
  ctx: PublicSiteContext,
  booking: string,
  token: string,
): Promise<BookingView> {
  return rpc<BookingView>(ctx, 'guest_booking_view', { p_booking: booking, p_token: token });
}
