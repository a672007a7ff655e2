// course_access: someone gave their address on a coach's page for an
// email-gated course (public-enroll). The email says the course is theirs and
// how to get in: the link opens the course in the app, whose sign-in page is
// filled with the address and sends a one-time code to it — the account may
// have no password (it was made for this address). Transactional: asked for on
// the page, no switch in the email settings, so no footer pointing at one.
import type { Locale } from '../../../src/domain/locale.ts';

type Payload = Record<string, unknown>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** the course in the app, the address filled in on its sign-in page; null without a site */
export function courseAccessLink(
  siteUrl: string | null | undefined,
  payload: Payload,
): string | null {
  const course = payload['courseId'];
  if (!siteUrl || typeof course !== 'string' || !uuid.test(course)) return null;
  const email = typeof payload['email'] === 'string' ? payload['email'] : '';
  const query = email ? `?email=${encodeURIComponent(email)}` : '';
  return `${siteUrl.replace(/\/+$/, '')}/courses/${course}${query}`;
}

export function renderCourseAccess(
  locale: Locale,
  payload: Payload,
  link: string | null,
): { subject: string; text: string } {
  const title = typeof payload['courseTitle'] === 'string' ? payload['courseTitle'] : '';
  if (locale === 'ru') {
    return {
      subject: `Курс «${title}» открыт`,
      text:
        `Курс «${title}» теперь ваш.` +
        (link
          ? `\n\nОткройте его: ${link}\nЕсли вы ещё не входили в Trackside, нажмите «Войти по коду из письма» — мы пришлём код на этот адрес.`
          : '\n\nВойдите в Trackside с этим адресом, курс будет в разделе «Мои курсы».') +
        '\n\n— Trackside\nВы получили это письмо, потому что указали этот адрес на странице курса. Если это были не вы, просто не обращайте внимания на письмо.',
    };
  }
  return {
    subject: `Your course "${title}" is open`,
    text:
      `The course "${title}" is now yours.` +
      (link
        ? `\n\nOpen it: ${link}\nIf you have never signed in to Trackside, choose "Email me a sign-in code" and we will send a code to this address.`
        : '\n\nSign in to Trackside with this address; the course is under "My courses".') +
      '\n\n— Trackside\nYou are receiving this email because this address was given on the course page. If it was not you, just ignore it.',
  };
}
