// partner-apply: a company applies to the partner program from the public form
// (/partners/apply), and confirms its address from the confirmation page
// (/partners/confirm). No account and no JWT (verify_jwt = false): the function
// guards itself.
//
// POST, JSON or a plain HTML form (application/x-www-form-urlencoded, so the pages
// work with JavaScript off):
//   {action: 'submit', company_name, …, locale, fax}   (src/domain/partner-application.ts)
//   {action: 'confirm', token, locale}
//
// Only the app's own origins are answered: a request whose Origin is not one of
// them gets 403 and no CORS permission (a preflight too), so another site cannot
// have a visitor's browser post here.
//
// Order, so that abuse costs nothing: the body is parsed and validated (400,
// nothing touched); the limits are counted — per IP (x-forwarded-for: client
// supplied, so never the only limit), per address, and a global ceiling —
// answering 429 with Retry-After before any write; then the honeypot: a filled
// `fax` gets the same 202 as a real submission, and nothing is stored or sent;
// only then the database. A submission stores a draft and queues one confirmation
// email; the application exists only once the link's button is pressed.
//
// Answers: JSON gets 202 {status: 'check_email'} for a submission, 200 {status:
// 'confirmed' | 'already_confirmed'} for a confirmation, or 4xx {error: {code,
// message, fields?}}. A form gets 303 back to its page: ?sent=1, ?done=<status>,
// or ?error=<code> (and &fields=<field>:<problem>,… for a refused submission).
import { z } from 'zod';
import { LOCALES, type Locale } from '../../../src/domain/locale.ts';
import {
  APPLICATION_FIELDS,
  APPLICATION_HONEYPOT,
  applicationProblems,
  confirmTokenSchema,
  partnerApplicationSchema,
} from '../../../src/domain/partner-application.ts';
import { clientIp } from '../_shared/client-ip.ts';
import { HttpError, errorResponse, jsonResponse } from '../_shared/http-error.ts';
import { readFormOrJson, seeOther } from '../_shared/public-form.ts';
import { type Rpc, RpcError, rpcHttpError } from '../_shared/rpc.ts';

export interface Limit {
  cap: number;
  seconds: number;
}

export interface PartnerApplyLimits {
  /** submissions per IP */
  ip: Limit;
  /** submissions per address */
  email: Limit;
  /** confirmations per IP (a token is 32 random bytes: guessing is hopeless, trying is cheap) */
  confirm: Limit;
  /** every request of this function together */
  global: Limit;
}

export const defaultLimits: PartnerApplyLimits = {
  ip: { cap: 5, seconds: 3600 },
  email: { cap: 3, seconds: 86_400 },
  confirm: { cap: 30, seconds: 3600 },
  global: { cap: 120, seconds: 60 },
};

export interface PartnerApplyDeps {
  rpc: Rpc;
  /** the site's origin: the form's pages are there */
  siteUrl: string;
  /** the origins whose pages may post here (the site's, its loopback twin locally) */
  origins: readonly string[];
  limits?: PartnerApplyLimits;
}

const confirmSchema = z.object({
  action: z.literal('confirm'),
  token: confirmTokenSchema,
  locale: z.enum(LOCALES).default('ru'),
});

const confirmedSchema = z.object({
  applicationId: z.string(),
  status: z.enum(['confirmed', 'already_confirmed']),
});

const noStore = { 'cache-control': 'no-store' };

type Raw = Record<string, unknown>;

function localeOf(raw: Raw): Locale {
  return raw['locale'] === 'en' ? 'en' : 'ru';
}

function corsFor(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-headers': 'authorization, x-client-info, apikey, content-type',
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-max-age': '86400',
    vary: 'origin',
  };
}

/** the request's origin when it is one of the app's, else null */
function allowedOrigin(req: Request, origins: readonly string[]): string | null {
  const origin = req.headers.get('origin');
  return origin && origins.includes(origin) ? origin : null;
}

export async function handlePartnerApply(req: Request, deps: PartnerApplyDeps): Promise<Response> {
  const origin = allowedOrigin(req, deps.origins);
  if (!origin) {
    await req.body?.cancel();
    return errorResponse(
      new HttpError(403, 'forbidden_origin', "Applications come only from the site's own pages"),
    );
  }
  if (req.method === 'OPTIONS')
    return new Response(null, { status: 204, headers: corsFor(origin) });
  const res = await answer(req, deps).catch((e: unknown) => errorResponse(e));
  const headers = new Headers(res.headers);
  for (const [k, v] of Object.entries(corsFor(origin))) headers.set(k, v);
  return new Response(res.body, { status: res.status, headers });
}

async function answer(req: Request, deps: PartnerApplyDeps): Promise<Response> {
  if (req.method !== 'POST') {
    throw new HttpError(405, 'method_not_allowed', 'Use POST', undefined, { allow: 'POST' });
  }
  const { value, form } = await readFormOrJson(req);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_request', 'Send an object');
  }
  const raw = value as Raw;
  const site = deps.siteUrl.replace(/\/+$/, '');
  const locale = localeOf(raw);
  return raw['action'] === 'confirm'
    ? confirm(req, deps, raw, form, site, locale)
    : submit(req, deps, raw, form, site, locale);
}

async function submit(
  req: Request,
  deps: PartnerApplyDeps,
  raw: Raw,
  form: boolean,
  site: string,
  locale: Locale,
): Promise<Response> {
  const back = `${site}/partners/apply`;
  const parsed = partnerApplicationSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = applicationProblems(parsed.error);
    if (form) {
      const list = Object.entries(problems)
        .map(([f, p]) => `${f}:${p}`)
        .join(',');
      return seeOther(`${back}?lang=${locale}&error=invalid&fields=${encodeURIComponent(list)}`);
    }
    return jsonResponse(
      {
        error: { code: 'invalid_request', message: 'Some fields need attention', fields: problems },
      },
      400,
      noStore,
    );
  }
  const input = parsed.data;
  const limits = deps.limits ?? defaultLimits;
  const wait = await countLimits(deps.rpc, [
    { key: 'partner-apply:global', ...limits.global },
    { key: `partner-apply:ip:${clientIp(req)}`, ...limits.ip },
    { key: `partner-apply:email:${input.contact_email.toLowerCase()}`, ...limits.email },
  ]);
  if (wait > 0) return tooMany(form, wait, locale);

  // the honeypot: the same answer as a real submission, and nothing happens
  if (input[APPLICATION_HONEYPOT] === '') {
    const columns = Object.fromEntries(APPLICATION_FIELDS.map((f) => [f, input[f]]));
    try {
      await deps.rpc('submit_partner_application', { p_fields: columns, p_locale: input.locale });
    } catch (e) {
      throw applyHttpError(e);
    }
  }
  if (form) return seeOther(`${back}?lang=${input.locale}&sent=1`);
  return jsonResponse({ status: 'check_email' }, 202, noStore);
}

async function confirm(
  req: Request,
  deps: PartnerApplyDeps,
  raw: Raw,
  form: boolean,
  site: string,
  locale: Locale,
): Promise<Response> {
  const back = `${site}/partners/confirm`;
  const parsed = confirmSchema.safeParse(raw);
  if (!parsed.success) {
    if (form) return seeOther(`${back}?lang=${locale}&done=link_invalid`);
    throw new HttpError(400, 'link_invalid', 'This link is not valid');
  }
  const limits = deps.limits ?? defaultLimits;
  const wait = await countLimits(deps.rpc, [
    { key: 'partner-apply:global', ...limits.global },
    { key: `partner-apply:confirm:${clientIp(req)}`, ...limits.confirm },
  ]);
  if (wait > 0) return tooMany(form, wait, locale);
  try {
    const done = confirmedSchema.parse(
      await deps.rpc('confirm_partner_application', { p_token: parsed.data.token }),
    );
    if (form) return seeOther(`${back}?lang=${locale}&done=${done.status}`);
    return jsonResponse(done, 200, noStore);
  } catch (e) {
    const err = applyHttpError(e);
    if (form && (err.code === 'link_invalid' || err.code === 'link_expired')) {
      return seeOther(`${back}?lang=${locale}&done=${err.code}`);
    }
    throw err;
  }
}

async function countLimits(rpc: Rpc, keys: ({ key: string } & Limit)[]): Promise<number> {
  try {
    return z
      .number()
      .int()
      .parse(await rpc('hit_public_limits', { p_limits: keys }));
  } catch (e) {
    throw applyHttpError(e);
  }
}

function tooMany(form: boolean, wait: number, locale: Locale): Response {
  const headers = { ...noStore, 'retry-after': String(wait) };
  if (!form) {
    return jsonResponse(
      { error: { code: 'too_many_requests', message: 'Too many attempts; try again later' } },
      429,
      headers,
    );
  }
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

/** what a failed call means here: a link's state is a 404 or 410, the rest as usual */
export function applyHttpError(e: unknown): HttpError {
  if (e instanceof RpcError && !e.transient) {
    if (e.hint === 'link_invalid')
      return new HttpError(404, 'link_invalid', 'This link is not valid');
    if (e.hint === 'link_expired')
      return new HttpError(410, 'link_expired', 'This link has expired');
    // a check the schema let through: the request, not the server
    if (e.sqlstate === '23514')
      return new HttpError(400, 'invalid_request', 'The request is invalid');
  }
  return rpcHttpError(e);
}

export function createPartnerApplyHandler(deps: PartnerApplyDeps) {
  return (req: Request) => handlePartnerApply(req, deps);
}
