// public-booking: a guest books a coach's session type from the public page (a paid
// one through a 10-minute hold and Stripe Checkout, _shared/booking-checkout.ts),
// and cancels or moves it through the manage link. No account and no JWT
// (verify_jwt = false): the function guards itself.
//
// POST, JSON or a plain HTML form (application/x-www-form-urlencoded, so it works
// with JavaScript off; the page posts here cross-origin):
//   {action: 'book', slug, sessionType, start, name, email, phone?, timeZone, locale, website}
//   {action: 'cancel', booking, token, locale}
//   {action: 'reschedule', booking, token, start, locale}
//
// Order, so that abuse costs nothing: the body is parsed and validated (400,
// nothing touched); the limits are counted — per IP (the first x-forwarded-for
// entry: client-supplied, so never the only limit), per normalized email, and a
// global ceiling — answering 429 with Retry-After before any write; then the
// honeypot: a filled `website` gets the same-looking success (a random booking id
// and token), and nothing is written or sent; only then the database.
//
// Answers: JSON gets 201 {booking_id, token, status, starts_at, ends_at,
// manage_url} (200 for cancel and reschedule) or 4xx {error: {code, message}}.
// A form gets 303 to the manage page /booking/<id>?t=<token> on success, and 303
// back to the page it came from with ?error=<code> otherwise (429 stays a 429).
import { z } from 'zod';
import {
  type GuestRequest,
  HONEYPOT_FIELD,
  guestRequestSchema,
  normalizeEmail,
} from '../../../src/domain/guest-booking-schema.ts';
import { attributeToVisitor } from '../_shared/analytics-attribute.ts';
import { clientIp } from '../_shared/client-ip.ts';
import { withCors } from '../_shared/cors.ts';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  readText,
  zodIssues,
} from '../_shared/http-error.ts';
import { type BookingStripe, startBookingCheckout } from '../_shared/booking-checkout.ts';
import { type Rpc, RpcError } from '../_shared/rpc.ts';

export interface Limit {
  cap: number;
  seconds: number;
}

export interface PublicBookingLimits {
  /** bookings per IP */
  ip: Limit;
  /** bookings per normalized email */
  email: Limit;
  /** cancels and moves per IP */
  manage: Limit;
  /** every request of this function together */
  global: Limit;
}

export const defaultLimits: PublicBookingLimits = {
  ip: { cap: 10, seconds: 3600 },
  email: { cap: 5, seconds: 3600 },
  manage: { cap: 30, seconds: 3600 },
  global: { cap: 300, seconds: 60 },
};

export interface PublicBookingDeps {
  rpc: Rpc;
  /** the site's origin: the manage page and the booking form are there */
  siteUrl: string;
  limits?: PublicBookingLimits;
  /** random ids and tokens for the honeypot's decoy */
  random?: () => Uint8Array;
  /** Stripe, for paid session types; without it they are refused (402 payment_required) */
  stripe?: BookingStripe;
  /** epoch ms (the checkout's expiry and idempotency window) */
  now?: () => number;
}

const MAX_BODY = 16 * 1024;

const bookedSchema = z.object({
  booking_id: z.uuid(),
  token: z.string(),
  status: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
});

type Mode = 'json' | 'form';

/** what the body said before validation: where a form's errors go back to */
type Raw = Record<string, unknown>;

export function handlePublicBooking(req: Request, deps: PublicBookingDeps): Promise<Response> {
  return answer(req, deps).catch((e: unknown) => errorResponse(e));
}

async function answer(req: Request, deps: PublicBookingDeps): Promise<Response> {
  if (req.method !== 'POST') {
    throw new HttpError(405, 'method_not_allowed', 'Use POST', undefined, { allow: 'POST' });
  }
  const mode = modeOf(req);
  const raw = await readBody(req, mode);
  const site = deps.siteUrl.replace(/\/+$/, '');
  const parsed = guestRequestSchema.safeParse({ action: 'book', ...raw });
  if (!parsed.success) {
    if (mode === 'form') return redirect(backTo(site, raw, 'invalid'));
    throw new HttpError(400, 'invalid_request', 'The request is invalid', zodIssues(parsed.error));
  }
  const input = parsed.data;

  const wait = await countLimits(deps, req, input);
  if (wait > 0) return tooMany(mode, wait, input.locale);

  try {
    if (input.action === 'book') {
      if (input[HONEYPOT_FIELD] !== '') return decoy(deps, mode, site, input);
      let result: unknown;
      try {
        result = await deps.rpc('guest_book', {
          p_session_type: input.sessionType,
          p_starts_at: input.start,
          p_name: input.name,
          p_email: input.email,
          p_phone: input.phone ?? null,
          p_time_zone: input.timeZone,
          p_locale: input.locale,
        });
      } catch (e) {
        // a paid type: the slot is held for 10 minutes and the guest goes to pay;
        // only the signed webhook confirms it, and the manage link comes by email
        if (e instanceof RpcError && e.hint === 'payment_required' && deps.stripe) {
          return await paidBooking(deps, deps.stripe, mode, site, input, req);
        }
        throw e;
      }
      const booked = bookedSchema.parse(result);
      await attributeToVisitor(deps.rpc, req, booked.booking_id);
      const manage = manageUrl(site, booked.booking_id, booked.token, input.locale);
      if (mode === 'form') return redirect(manage);
      return jsonResponse({ ...booked, manage_url: manage }, 201);
    }
    const changed =
      input.action === 'cancel'
        ? await deps.rpc('guest_booking_cancel', { p_booking: input.booking, p_token: input.token })
        : await deps.rpc('guest_booking_reschedule', {
            p_booking: input.booking,
            p_token: input.token,
            p_starts_at: input.start,
          });
    const manage = manageUrl(site, input.booking, input.token, input.locale);
    if (mode === 'form') return redirect(`${manage}&done=${input.action}`);
    return jsonResponse(changed, 200);
  } catch (e) {
    const err = bookingHttpError(e);
    if (mode === 'form' && err.status !== 429 && err.status < 500) {
      return redirect(backTo(site, raw, err.code));
    }
    throw err;
  }
}

async function paidBooking(
  deps: PublicBookingDeps,
  stripe: BookingStripe,
  mode: Mode,
  site: string,
  input: Extract<GuestRequest, { action: 'book' }>,
  req: Request,
): Promise<Response> {
  const checkout = await startBookingCheckout(
    { rpc: deps.rpc, stripe, siteUrl: site, now: deps.now ?? Date.now },
    {
      sessionTypeId: input.sessionType,
      startsAt: input.start,
      holder: {
        guest: {
          name: input.name,
          email: input.email,
          ...(input.phone ? { phone: input.phone } : {}),
          timeZone: input.timeZone,
          locale: input.locale,
        },
      },
    },
  );
  // the held booking is the one the guest pays for: the visitor who picked it made it
  await attributeToVisitor(deps.rpc, req, checkout.bookingId);
  if (mode === 'form') return redirect(checkout.url);
  return jsonResponse(
    {
      booking_id: checkout.bookingId,
      status: 'pending_payment',
      starts_at: checkout.startsAt,
      ends_at: checkout.endsAt,
      hold_until: checkout.holdUntil,
      checkout_url: checkout.url,
    },
    201,
  );
}

function modeOf(req: Request): Mode {
  const type = req.headers.get('content-type') ?? '';
  if (/^application\/json\b/i.test(type)) return 'json';
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) return 'form';
  throw new HttpError(
    415,
    'unsupported_media_type',
    'Send JSON or an HTML form (application/x-www-form-urlencoded)',
  );
}

async function readBody(req: Request, mode: Mode): Promise<Raw> {
  const text = await readText(req, MAX_BODY);
  if (mode === 'form') {
    const out: Raw = {};
    for (const [k, v] of new URLSearchParams(text)) {
      // an empty optional field is no field; the honeypot stays, empty or not
      if (v !== '' || k === HONEYPOT_FIELD) out[k] = v;
    }
    return out;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', 'Send a JSON object');
  }
  return value as Raw;
}

async function countLimits(deps: PublicBookingDeps, req: Request, input: GuestRequest) {
  const limits = deps.limits ?? defaultLimits;
  const ip = clientIp(req);
  const keys =
    input.action === 'book'
      ? [
          { key: 'public-booking:global', ...limits.global },
          { key: `public-booking:ip:${ip}`, ...limits.ip },
          { key: `public-booking:email:${normalizeEmail(input.email)}`, ...limits.email },
        ]
      : [
          { key: 'public-booking:global', ...limits.global },
          { key: `public-booking:manage:${ip}`, ...limits.manage },
        ];
  try {
    return z
      .number()
      .int()
      .parse(await deps.rpc('hit_public_limits', { p_limits: keys }));
  } catch (e) {
    throw bookingHttpError(e);
  }
}

function tooMany(mode: Mode, wait: number, locale: 'ru' | 'en'): Response {
  const headers = { 'retry-after': String(wait), 'cache-control': 'no-store' };
  if (mode === 'json') {
    return jsonResponse(
      { error: { code: 'too_many_requests', message: 'Too many attempts; try again later' } },
      429,
      headers,
    );
  }
  // a browser shows this body as it is; Edge Functions serve HTML as plain text anyway
  const minutes = Math.max(1, Math.ceil(wait / 60));
  const text =
    locale === 'en'
      ? `Too many attempts. Please try again in ${minutes} min.`
      : `Слишком много попыток. Попробуйте снова через ${minutes} мин.`;
  return new Response(text, {
    status: 429,
    headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
  });
}

/** the honeypot's answer: looks like a booking, is nothing */
function decoy(
  deps: PublicBookingDeps,
  mode: Mode,
  site: string,
  input: Extract<GuestRequest, { action: 'book' }>,
): Response {
  const bytes = (deps.random ?? ((): Uint8Array => crypto.getRandomValues(new Uint8Array(32))))();
  const hex = Array.from(bytes.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  const token = btoa(String.fromCharCode(...bytes.slice(16, 32)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  const manage = manageUrl(site, id, token, input.locale);
  if (mode === 'form') return redirect(manage);
  const start = new Date(input.start);
  return jsonResponse(
    {
      booking_id: id,
      token,
      status: 'confirmed',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 30 * 60_000).toISOString(),
      manage_url: manage,
    },
    201,
  );
}

function manageUrl(site: string, booking: string, token: string, locale: string): string {
  return `${site}/booking/${booking}?t=${encodeURIComponent(token)}&lang=${locale}`;
}

/** where a form that failed goes back to, with the reason in `error` */
function backTo(site: string, raw: Raw, code: string): string {
  const s = (k: string) => (typeof raw[k] === 'string' ? raw[k] : '');
  const q = new URLSearchParams();
  const lang = s('locale') === 'en' ? 'en' : 'ru';
  const booking = s('booking');
  if (
    /^[0-9a-f-]{36}$/i.test(booking) &&
    (s('action') === 'cancel' || s('action') === 'reschedule')
  ) {
    q.set('t', s('token'));
    q.set('lang', lang);
    q.set('error', code);
    const path =
      s('action') === 'reschedule' ? `/booking/${booking}/reschedule` : `/booking/${booking}`;
    return `${site}${path}?${q}`;
  }
  const slug = s('slug');
  if (!/^[a-z0-9-]{3,40}$/.test(slug)) return `${site}/?error=${code}`;
  for (const [param, field] of [
    ['type', 'sessionType'],
    ['start', 'start'],
    ['tz', 'timeZone'],
  ] as const) {
    if (s(field)) q.set(param, s(field));
  }
  q.set('lang', lang);
  q.set('error', code);
  // a taken or vanished time: back to choosing one
  const path = code === 'invalid' ? 'book/confirm' : 'book';
  return `${site}/${slug}/${path}?${q}`;
}

function redirect(location: string): Response {
  return new Response(null, {
    status: 303,
    headers: { location, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
  });
}

const statusOfHint: Record<string, number> = {
  link_invalid: 404,
  not_found: 404,
  coach_not_bookable: 404,
  invalid: 400,
  payment_required: 402,
  slot_taken: 409,
  too_soon: 409,
  beyond_horizon: 409,
  outside_availability: 409,
  blocked: 409,
  cancellation_window_passed: 409,
};

/** what a failed call means for the guest: the hint our SQL sets is the code */
export function bookingHttpError(e: unknown): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof RpcError) {
    if (e.transient) {
      return new HttpError(503, 'temporarily_unavailable', 'Try again shortly', undefined, {
        'retry-after': '5',
      });
    }
    const hint = e.hint ?? (e.sqlstate === '23P01' ? 'slot_taken' : null);
    const status = hint ? statusOfHint[hint] : undefined;
    if (hint && status) {
      const message = hint === 'link_invalid' ? 'This link is not valid' : e.message.slice(0, 200);
      return new HttpError(status, hint, message);
    }
  }
  return new HttpError(500, 'internal', 'Internal error');
}

export function createPublicBookingHandler(deps: PublicBookingDeps) {
  return withCors((req) => handlePublicBooking(req, deps));
}
