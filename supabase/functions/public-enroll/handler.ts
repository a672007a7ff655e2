// public-enroll: a visitor gets an email-gated course by giving their address
// on the course's public page (/<slug>/courses/<id>). The page's plain HTML form
// posts here (JavaScript off works); the answer is a 303 back to the page, which
// then says "check your email".
//   * per-IP, per-email and global limits (public_enroll_gate), counted before
//     anything is written: 429 with Retry-After beyond them;
//   * a honeypot field `website`: when filled, the bot is shown the same success
//     and nothing is written or sent;
//   * the address's account, or a new one with no password made through the Auth
//     admin API, is enrolled and made a member of the club (public_enroll_email),
//     and one email says how to get in (course_access). The answer is the same
//     whether the address had an account or not.
//
// POST form (application/x-www-form-urlencoded) or JSON:
//   {courseId, slug, email, name?, locale?: ru|en, website?: ''}
//   303 Location: the course page with ?sent=1 (a form) · 200 {sent: true} (JSON)
//   400 invalid input, nothing written · 429 Retry-After
//   the page's own mistakes (a course that is gone or not email-gated): a form
//   goes back to the page with ?error=<code>; JSON gets 404/422.
import { z } from 'zod';
import { isValidSlug } from '../../../src/domain/coach-slug.ts';
import type { CreateAccount } from '../_shared/auth-admin.ts';
import { clientIp } from '../_shared/client-ip.ts';
import { withCors } from '../_shared/cors.ts';
import {
  HttpError,
  errorResponse,
  jsonResponse,
  requireMethod,
  validate,
} from '../_shared/http-error.ts';
import {
  EMAIL_PATTERN,
  callRpc,
  emptyToUndefined,
  readFormOrJson,
  seeOther,
} from '../_shared/public-form.ts';
import type { Rpc } from '../_shared/rpc.ts';

export interface PublicEnrollDeps {
  rpc: Rpc;
  createAccount: CreateAccount;
  /** the public site's origin: the course page the form goes back to */
  siteUrl: string;
}

export const publicEnrollSchema = z
  .object({
    courseId: z.uuid(),
    slug: z.string().refine(isValidSlug, 'the page address'),
    email: z.string().trim().max(254).regex(EMAIL_PATTERN, 'an email like name@example.com'),
    name: z.preprocess(emptyToUndefined, z.string().trim().max(120).optional()),
    locale: z.preprocess(emptyToUndefined, z.enum(['ru', 'en']).default('ru')),
    // the honeypot: a field people never see
    website: z.string().max(500).optional(),
  })
  .strict();

export type PublicEnrollInput = z.output<typeof publicEnrollSchema>;

const preparedSchema = z.object({
  courseId: z.uuid(),
  orgId: z.uuid(),
  title: z.string(),
  userId: z.uuid().nullable(),
});

export async function handlePublicEnroll(req: Request, deps: PublicEnrollDeps): Promise<Response> {
  let form = false;
  let page = '';
  try {
    requireMethod(req, 'POST');
    const read = await readFormOrJson(req);
    form = read.form;
    const input = validate(publicEnrollSchema, read.value);
    const site = deps.siteUrl.replace(/\/+$/, '');
    page = `${site}/${input.slug}/courses/${input.courseId}`;
    const done = () =>
      form
        ? seeOther(`${page}?lang=${input.locale}&sent=1`)
        : jsonResponse({ sent: true }, 200, { 'cache-control': 'no-store' });

    // a bot filled the field people never see: the same success, nothing written
    if (input.website) return done();

    const email = input.email.toLowerCase();
    const wait = await callRpc(deps.rpc, 'public_enroll_gate', {
      p_ip: clientIp(req),
      p_email: email,
    });
    if (typeof wait === 'number' && wait > 0) {
      throw new HttpError(
        429,
        'too_many_requests',
        'Too many requests; try again later',
        undefined,
        {
          'retry-after': String(wait),
        },
      );
    }
    const prepare = async () =>
      preparedSchema.parse(
        await callRpc(deps.rpc, 'public_enroll_prepare', {
          p_course: input.courseId,
          p_email: email,
        }),
      );
    const prepared = await prepare();
    // made meanwhile (a double submit, or the person signed up): ask again
    const userId =
      prepared.userId ??
      (await deps.createAccount({ email, name: input.name ?? '', locale: input.locale })) ??
      (await prepare()).userId;
    if (!userId) throw new Error('the address has no account and none could be made');
    await callRpc(deps.rpc, 'public_enroll_email', {
      p_course: prepared.courseId,
      p_user: userId,
      p_locale: input.locale,
    });
    return done();
  } catch (e) {
    // the page's own mistakes go back to the page, which explains them
    if (form && page && e instanceof HttpError && [404, 409, 422].includes(e.status)) {
      return seeOther(`${page}?error=${encodeURIComponent(e.code)}`);
    }
    return errorResponse(e);
  }
}

export function createPublicEnrollHandler(deps: PublicEnrollDeps) {
  return withCors((req) => handlePublicEnroll(req, deps));
}
