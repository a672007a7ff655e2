// The emails about a recurring booking (a payload with `series`, queued by
// supabase/migrations/20261206131000_series_emails.sql), in Russian and English:
// its rhythm ("every week, on Mondays at 18:00"), its people and every date it
// holds, each with its time in the series' zone (the coach's), and the dates it
// skips. A cancellation lists the sessions that still stand.
import type { EmailKind } from '../../../src/domain/email-kinds.ts';
import { type Locale, intlTag } from '../../../src/domain/locale.ts';
import { addDays } from '../../../src/domain/zoned-time.ts';

type Payload = Record<string, unknown>;

export interface SeriesEmailText {
  subject: string;
  body: string;
}

const str = (p: Payload, k: string): string | null =>
  typeof p[k] === 'string' && p[k] !== '' ? (p[k] as string) : null;
const num = (p: Payload, k: string): number | null =>
  typeof p[k] === 'number' ? (p[k] as number) : null;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** whether an outbox payload is about a recurring booking */
export function isSeriesPayload(p: Payload): boolean {
  return p.series === true && Array.isArray(p.dates);
}

/** the instants of the dates a series holds, in order; anything unreadable is left out */
function heldDates(p: Payload): { date: string | null; startsAt: Date }[] {
  const raw = Array.isArray(p.dates) ? (p.dates as unknown[]) : [];
  return raw.flatMap((d) => {
    if (d === null || typeof d !== 'object') return [];
    const startsAt = str(d as Payload, 'startsAt');
    if (!startsAt || Number.isNaN(Date.parse(startsAt))) return [];
    const date = str(d as Payload, 'date');
    return [{ date: date && isoDate.test(date) ? date : null, startsAt: new Date(startsAt) }];
  });
}

function skippedDates(p: Payload): string[] {
  const raw = Array.isArray(p.skipped) ? (p.skipped as unknown[]) : [];
  return raw.filter((d): d is string => typeof d === 'string' && isoDate.test(d)).sort();
}

/** Intl formatters in the person's language; a zone Intl does not know falls back to UTC */
function formatters(locale: Locale, zone: string) {
  const day = (timeZone: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      weekday: 'short',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
  const time = (timeZone: string) =>
    new Intl.DateTimeFormat(intlTag(locale), {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
  let dayInZone: Intl.DateTimeFormat;
  let timeInZone: Intl.DateTimeFormat;
  try {
    dayInZone = day(zone);
    timeInZone = time(zone);
  } catch {
    dayInZone = day('UTC');
    timeInZone = time('UTC');
  }
  const dayOnly = day('UTC');
  return {
    /** an instant: its local date and time in the series' zone */
    instant: (at: Date) => `${dayInZone.format(at)}, ${timeInZone.format(at)}`,
    /** a local date (YYYY-MM-DD) as it is */
    date: (date: string) => dayOnly.format(new Date(`${date}T12:00:00Z`)),
  };
}

interface SeriesStrings {
  confirmationSubject: string;
  notificationSubject: string;
  cancellationSubject: string;
  someCoach: string;
  someMember: string;
  everyWeek: string;
  everyTwoWeeks: string;
  /** by weekday, Sunday first as in Postgres' extract(dow) */
  onDays: readonly string[];
  at: (time: string) => string;
  zone: (zone: string) => string;
  booked: (how: string) => string;
  bookedBy: (member: string, how: string) => string;
  coachIs: (coach: string) => string;
  dates: (n: number) => string;
  skipped: string;
  openEnded: string;
  runsUntil: (date: string) => string;
  cancelled: (how: string, who: string) => string;
  byMember: (member: string) => string;
  byCoach: (coach: string) => string;
  byClub: string;
  stillOn: (n: number) => string;
}

const STRINGS: Record<Locale, SeriesStrings> = {
  ru: {
    confirmationSubject: 'Регулярная запись подтверждена',
    notificationSubject: 'Новая регулярная запись',
    cancellationSubject: 'Регулярная запись отменена',
    someCoach: 'тренер',
    someMember: 'спортсмен',
    everyWeek: 'каждую неделю',
    everyTwoWeeks: 'раз в две недели',
    onDays: [
      'по воскресеньям',
      'по понедельникам',
      'по вторникам',
      'по средам',
      'по четвергам',
      'по пятницам',
      'по субботам',
    ],
    at: (time) => `в ${time}`,
    zone: (zone) => `часовой пояс ${zone}`,
    booked: (how) => `Вы записаны на тренировки ${how}.`,
    bookedBy: (member, how) => `${member} записался(-ась) на тренировки ${how}.`,
    coachIs: (coach) => `Тренер: ${coach}.`,
    dates: (n) => `Даты (${n}):`,
    skipped: 'Пропущенные даты (время занято):',
    openEnded:
      'У записи нет даты окончания: следующие даты добавляются по мере приближения, пока запись не отменят.',
    runsUntil: (date) =>
      `Запись действует до ${date}: следующие даты добавляются по мере приближения.`,
    cancelled: (how, who) =>
      `Регулярная запись на тренировки отменена ${who}: ${how}. Следующие занятия этой записи отменены.`,
    byMember: (member) => `спортсменом (${member})`,
    byCoach: (coach) => `тренером (${coach})`,
    byClub: 'администратором клуба',
    stillOn: (n) => `Остаются в силе (${n}):`,
  },
  en: {
    confirmationSubject: 'Your recurring booking is confirmed',
    notificationSubject: 'New recurring booking',
    cancellationSubject: 'Recurring booking cancelled',
    someCoach: 'your coach',
    someMember: 'An athlete',
    everyWeek: 'every week',
    everyTwoWeeks: 'every two weeks',
    onDays: [
      'on Sundays',
      'on Mondays',
      'on Tuesdays',
      'on Wednesdays',
      'on Thursdays',
      'on Fridays',
      'on Saturdays',
    ],
    at: (time) => `at ${time}`,
    zone: (zone) => `time zone ${zone}`,
    booked: (how) => `You are booked for sessions ${how}.`,
    bookedBy: (member, how) => `${member} booked sessions ${how}.`,
    coachIs: (coach) => `Coach: ${coach}.`,
    dates: (n) => `Dates (${n}):`,
    skipped: 'Skipped dates (the time is taken):',
    openEnded:
      'The booking has no end date: later dates are added as they come closer, until it is cancelled.',
    runsUntil: (date) =>
      `The booking runs until ${date}: later dates are added as they come closer.`,
    cancelled: (how, who) =>
      `The recurring booking was cancelled ${who}: sessions ${how}. Its next sessions are cancelled.`,
    byMember: (member) => `by the athlete, ${member}`,
    byCoach: (coach) => `by the coach, ${coach}`,
    byClub: 'by the club',
    stillOn: (n) => `Still on (${n}):`,
  },
};

/** "каждую неделю, по понедельникам в 18:00 (часовой пояс Europe/Moscow), Club" */
function rhythm(p: Payload, t: SeriesStrings, zone: string): string {
  const weekday = num(p, 'weekday');
  const time = str(p, 'startTime');
  const when = [
    weekday !== null ? t.onDays[weekday] : undefined,
    time ? t.at(time) : undefined,
  ].filter(Boolean);
  const org = str(p, 'organization');
  return (
    [num(p, 'everyWeeks') === 2 ? t.everyTwoWeeks : t.everyWeek, when.join(' ')]
      .filter(Boolean)
      .join(', ') + ` (${t.zone(zone)})${org ? `, ${org}` : ''}`
  );
}

const bullets = (lines: string[]) => lines.map((l) => `• ${l}`).join('\n');

/** the subject and body of a series email, or null for a kind a series does not send */
export function renderSeriesEmail(
  kind: EmailKind,
  locale: Locale,
  p: Payload,
): SeriesEmailText | null {
  const t = STRINGS[locale];
  const zone = str(p, 'timeZone') ?? 'Europe/Moscow';
  const fmt = formatters(locale, zone);
  const held = heldDates(p);
  const coach = str(p, 'coachName') ?? t.someCoach;
  const member = str(p, 'memberName') ?? t.someMember;
  const how = rhythm(p, t, zone);
  const heldList = bullets(held.map((d) => fmt.instant(d.startsAt)));

  if (kind === 'booking_confirmation' || kind === 'booking_notification') {
    const lines =
      kind === 'booking_confirmation'
        ? [t.booked(how), t.coachIs(coach)]
        : [t.bookedBy(member, how)];
    lines.push('', t.dates(held.length), heldList);
    const skipped = skippedDates(p);
    if (skipped.length) lines.push('', t.skipped, bullets(skipped.map(fmt.date)));
    // more dates to come: an open-ended series, or one whose end lies past the last date held
    const end = str(p, 'endDate');
    const last = held.at(-1)?.date ?? null;
    const step = num(p, 'everyWeeks') === 2 ? 14 : 7;
    if (!end) lines.push('', t.openEnded);
    else if (isoDate.test(end) && last && addDays(last, step) <= end) {
      lines.push('', t.runsUntil(fmt.date(end)));
    }
    return {
      subject: kind === 'booking_confirmation' ? t.confirmationSubject : t.notificationSubject,
      body: lines.join('\n'),
    };
  }

  if (kind === 'booking_cancellation') {
    const by = str(p, 'cancelledBy');
    const who = by === 'member' ? t.byMember(member) : by === 'coach' ? t.byCoach(coach) : t.byClub;
    const lines = [t.cancelled(how, who)];
    if (held.length) lines.push('', t.stillOn(held.length), heldList);
    return { subject: t.cancellationSubject, body: lines.join('\n') };
  }
  return null;
}
