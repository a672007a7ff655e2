// The calendar file each email about one booking carries. One booking is one event
// for its whole life: UID `booking-<id>@trackside` never changes (a reschedule keeps
// the booking), SEQUENCE is the booking's version (private.booking_calendar, bumped
// on every move and on cancellation), so a calendar that imported the confirmation
// moves or removes that same event. METHOD:REQUEST for a booking made, moved or
// reminded of; METHOD:CANCEL with STATUS:CANCELLED for a cancellation. Times in UTC
// (ics.ts); LOCATION is the coach's place. The file names the coach and the
// booking's own person only — never another attendee of a group session, never an
// email address.
import type { EmailKind } from '../../../src/domain/email-kinds.ts';
import { type IcsEvent, writeIcs } from '../../../src/domain/ics.ts';
import type { Locale } from '../../../src/domain/locale.ts';

import type { EmailAttachment } from './providers.ts';

type Payload = Record<string, unknown>;

const str = (p: Payload, k: string): string | null =>
  typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : null;

const instant = (value: string | null): number | null => {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
};

/** the event's stable id across every email and every version of the booking */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@trackside`;
}

/** where the event is: the coach's place, else the room and the club */
function location(p: Payload): string | null {
  const place = str(p, 'place');
  if (place) return place;
  const parts = [str(p, 'room'), str(p, 'organization')].filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

function summary(p: Payload, locale: Locale, toCoach: boolean): string {
  const what = str(p, 'sessionType') ?? str(p, 'title');
  const who = toCoach ? str(p, 'memberName') : str(p, 'coachName');
  if (locale === 'ru') {
    const head = what ? `Тренировка «${what}»` : 'Тренировка';
    return who ? `${head}: ${who}` : head;
  }
  const head = what ? `Session “${what}”` : 'Training session';
  return who ? `${head} with ${who}` : head;
}

/**
 * The .ics for an email about one booking, or null when the email is about none
 * (a purchase, a recurring series) or its times are unreadable.
 */
export function bookingIcs(
  kind: EmailKind,
  locale: Locale,
  payload: Payload,
  options: { now: Date; link?: string | null },
): EmailAttachment | null {
  if (kind === 'purchase_confirmation' || payload['series'] === true) return null;
  const bookingId = str(payload, 'bookingId');
  const start = instant(str(payload, 'startsAt'));
  const end = instant(str(payload, 'endsAt'));
  if (!bookingId || start === null || end === null || !(end > start)) return null;
  const cancelled = kind === 'booking_cancellation';
  const sequence = typeof payload['icsSequence'] === 'number' ? payload['icsSequence'] : 0;
  const event: IcsEvent = {
    uid: bookingUid(bookingId),
    start,
    end,
    summary: summary(payload, locale, payload['audience'] === 'coach'),
    location: location(payload),
    description: options.link ?? null,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    sequence: Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : 0,
  };
  return {
    filename: cancelled ? 'cancel.ics' : 'invite.ics',
    contentType: `text/calendar; charset=utf-8; method=${cancelled ? 'CANCEL' : 'REQUEST'}`,
    content: writeIcs(
      {
        productId: '-//Trackside//Bookings//EN',
        method: cancelled ? 'CANCEL' : 'REQUEST',
        events: [event],
      },
      options.now,
    ),
  };
}
