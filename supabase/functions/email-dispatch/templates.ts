// The emails, in Russian and English, as text and as HTML. Times are shown in the
// payload's IANA zone (the session's, or a guest's own), amounts in the purchase's
// currency. A recurring booking's emails list its dates (series-templates.ts).
// Each email about a booking ends with its link (email-links.ts): a guest's manage
// page, a member's bookings, the coach's calendar. Guests have no app and no
// switches: their footer says why they got the email instead.
import {
  type EmailAudience,
  type EmailKind,
  emailAudience,
} from '../../../src/domain/email-kinds.ts';
import { type Locale, intlTag } from '../../../src/domain/locale.ts';
import { htmlFromText } from './html-email.ts';
import { renderRefundEmail } from './refund-templates.ts';
import { isSeriesPayload, renderSeriesEmail } from './series-templates.ts';

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface RenderExtras {
  /** the booking's link for this recipient (email-links.ts) */
  link?: string | null;
  /** a calendar file is attached */
  calendar?: boolean;
  /** where a buyer with no password signs in with a code (`/sign-in?email=…`) */
  signInLink?: string | null;
}

type Payload = Record<string, unknown>;

/** the kinds rendered here: the unread-message ones have their own (message-templates.ts) */
export type BookingEmailKind = Exclude<EmailKind, 'announcement_unread' | 'message_unread'>;

const str = (p: Payload, k: string): string | null =>
  typeof p[k] === 'string' ? (p[k] as string) : null;
const num = (p: Payload, k: string): number | null =>
  typeof p[k] === 'number' ? (p[k] as number) : null;

function when(p: Payload, locale: Locale): string {
  const starts = str(p, 'startsAt');
  if (!starts || Number.isNaN(Date.parse(starts))) return '';
  const zone = str(p, 'timeZone') ?? 'Europe/Moscow';
  try {
    return new Intl.DateTimeFormat(intlTag(locale), {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: zone,
    }).format(new Date(starts));
  } catch {
    return new Date(starts).toISOString();
  }
}

function money(p: Payload, locale: Locale): string {
  const minor = num(p, 'amountMinor');
  const currency = str(p, 'currency');
  if (minor === null || !currency) return '';
  try {
    return new Intl.NumberFormat(intlTag(locale), {
      style: 'currency',
      currency,
    }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}

function session(p: Payload, locale: Locale): string {
  const parts = [
    str(p, 'title') ?? str(p, 'sessionType'),
    str(p, 'organization'),
    str(p, 'room'),
    str(p, 'place'),
  ].filter(Boolean);
  const place = parts.length ? ` (${parts.join(', ')})` : '';
  return `${when(p, locale)}${place}`;
}

/** " Olga" when the payload names the coach, else nothing */
function named(p: Payload): string {
  const name = str(p, 'coachName');
  return name ? ` ${name}` : '';
}

const footer: Record<Locale, string> = {
  ru: '\n\n— Trackside\nОтключить такие письма можно в приложении, на странице «Настройка писем».',
  en: '\n\n— Trackside\nYou can switch these emails off in the app, on the “Email settings” page.',
};

// transactional mail to an address: no switch to point at, so the reason instead
const guestFooter: Record<Locale, string> = {
  ru: '\n\n— Trackside\nВы получили это письмо, потому что записались на тренировку или оплатили её на Trackside.',
  en: '\n\n— Trackside\nYou are receiving this email because you booked or paid for a session on Trackside.',
};

/** the lines after the body: the link for this recipient and the attached event */
function linkLines(
  kind: EmailKind,
  audience: EmailAudience,
  locale: Locale,
  extras: RenderExtras,
): string {
  const lines: string[] = [];
  const link = extras.link;
  if (link) {
    const cancelled = kind === 'booking_cancellation';
    if (audience === 'coach') {
      lines.push(
        locale === 'ru' ? `Открыть в календаре: ${link}` : `Open in your calendar: ${link}`,
      );
    } else if (audience === 'guest') {
      lines.push(
        locale === 'ru'
          ? cancelled
            ? `Ваша запись: ${link}`
            : `Перенести или отменить запись: ${link}`
          : cancelled
            ? `Your booking: ${link}`
            : `Reschedule or cancel your booking: ${link}`,
      );
    } else {
      lines.push(locale === 'ru' ? `Ваши записи: ${link}` : `Your bookings: ${link}`);
    }
  }
  if (extras.signInLink) {
    lines.push(
      locale === 'ru'
        ? `Чтобы войти в Trackside, откройте ${extras.signInLink} и нажмите «Прислать код» — мы пришлём на этот адрес код для входа. Пароль не нужен.`
        : `To sign in to Trackside, open ${extras.signInLink} and press "Send the code": we will email a sign-in code to this address. No password needed.`,
    );
  }
  if (extras.calendar) {
    lines.push(
      kind === 'booking_cancellation'
        ? locale === 'ru'
          ? 'Во вложении — отмена события для вашего календаря.'
          : 'The attached file removes the event from your calendar.'
        : locale === 'ru'
          ? 'Во вложении — событие для вашего календаря.'
          : 'The attached file adds the event to your calendar.',
    );
  }
  return lines.length ? `\n\n${lines.join('\n')}` : '';
}

export function renderEmail(
  kind: BookingEmailKind,
  locale: Locale,
  payload: Payload,
  extras: RenderExtras = {},
): RenderedEmail {
  const audience = emailAudience(kind, payload);
  const tail =
    linkLines(kind, audience, locale, extras) +
    (audience === 'guest' ? guestFooter : footer)[locale];
  const done = (subject: string, body: string): RenderedEmail => {
    const text = body + tail;
    return { subject, text, html: htmlFromText(subject, text, locale) };
  };
  const series = isSeriesPayload(payload) ? renderSeriesEmail(kind, locale, payload) : null;
  if (series) return done(series.subject, series.body);
  const coach = str(payload, 'coachName') ?? (locale === 'ru' ? 'тренер' : 'your coach');
  const member = str(payload, 'memberName') ?? (locale === 'ru' ? 'спортсмен' : 'an athlete');
  const at = session(payload, locale);
  // a booking moved (reschedule_booking): both sides read the old time and the new
  if (payload['rescheduled'] === true && kind !== 'booking_cancellation') {
    const before = when({ ...payload, startsAt: payload['previousStartsAt'] }, locale);
    const toMember = kind === 'booking_confirmation';
    const text =
      locale === 'ru'
        ? toMember
          ? `Ваша тренировка перенесена.\nБыло: ${before}.\nСтало: ${at}.\nТренер: ${coach}.`
          : `Тренировка со спортсменом ${member} перенесена.\nБыло: ${before}.\nСтало: ${at}.`
        : toMember
          ? `Your session was moved.\nWas: ${before}.\nNow: ${at}.\nCoach: ${coach}.`
          : `The session with ${member} was moved.\nWas: ${before}.\nNow: ${at}.`;
    return done(locale === 'ru' ? 'Запись перенесена' : 'Booking moved', text);
  }
  let subject: string;
  let body: string;
  if (locale === 'ru') {
    switch (kind) {
      case 'booking_confirmation':
        subject = 'Запись подтверждена';
        body = `Вы записаны на тренировку: ${at}.\nТренер: ${coach}.`;
        break;
      case 'booking_notification':
        subject = 'Новая запись на тренировку';
        body = `${member} записался(-ась) на тренировку: ${at}.`;
        break;
      case 'booking_cancellation':
        subject = 'Запись отменена';
        body =
          str(payload, 'cancelledBy') === 'cancelled_by_coach'
            ? `Тренер${named(payload)} отменил(а) тренировку: ${at}.`
            : audience === 'coach'
              ? `${member} отменил(а) запись на тренировку: ${at}.`
              : `Запись на тренировку ${at} отменена.`;
        break;
      case 'session_reminder':
        subject = 'Напоминание: тренировка завтра';
        body = `Напоминаем о тренировке: ${at}.\nТренер: ${coach}.`;
        break;
      case 'purchase_confirmation': {
        subject = 'Оплата получена';
        const credits = num(payload, 'credits');
        const days = num(payload, 'validDays');
        body =
          `Спасибо! Оплата «${str(payload, 'productName') ?? ''}» на сумму ${money(payload, locale)} получена.` +
          (credits
            ? `\nНа ваш счёт зачислено занятий: ${credits}${days ? `, действуют ${days} дн.` : '.'}`
            : '');
        break;
      }
    }
  } else {
    switch (kind) {
      case 'booking_confirmation':
        subject = 'Your booking is confirmed';
        body = `You are booked for a session: ${at}.\nCoach: ${coach}.`;
        break;
      case 'booking_notification':
        subject = 'New booking';
        body = `${member} booked a session: ${at}.`;
        break;
      case 'booking_cancellation':
        subject = 'Booking cancelled';
        body =
          str(payload, 'cancelledBy') === 'cancelled_by_coach'
            ? `Your coach${named(payload)} cancelled the session: ${at}.`
            : audience === 'coach'
              ? `${member} cancelled their booking for the session on ${at}.`
              : `The booking for the session on ${at} was cancelled.`;
        break;
      case 'session_reminder':
        subject = 'Reminder: your session is tomorrow';
        body = `A reminder of your session: ${at}.\nCoach: ${coach}.`;
        break;
      case 'purchase_confirmation': {
        subject = 'Payment received';
        const credits = num(payload, 'credits');
        const days = num(payload, 'validDays');
        body =
          `Thank you! We received ${money(payload, locale)} for "${str(payload, 'productName') ?? ''}".` +
          (credits
            ? `\n${credits} session credits were added${days ? `, valid for ${days} days` : ''}.`
            : '');
        break;
      }
    }
  }
  return done(subject, body);
}

/** booking_refunded (refund-templates.ts): no link or calendar file, no settings footer */
export function renderRefundedEmail(locale: Locale, payload: Payload): RenderedEmail {
  const r = renderRefundEmail(locale, payload, {
    when: session(payload, locale),
    amount: money(payload, locale),
  });
  return { ...r, html: htmlFromText(r.subject, r.text, locale) };
}
