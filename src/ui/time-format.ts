// Dates and times for the booking screens, in a given IANA zone and the
// interface's language.
import { currentIntlTag } from '../i18n/locale.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string, kind: 'day' | 'time' | 'dateTime' | 'short'): Intl.DateTimeFormat {
  const key = `${zone}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'day'
        ? { weekday: 'long', day: 'numeric', month: 'long' }
        : kind === 'time'
          ? { hour: '2-digit', minute: '2-digit' }
          : kind === 'short'
            ? { day: 'numeric', month: 'short' }
            : {
                weekday: 'short',
                day: 'numeric',
                month: 'long',
                hour: '2-digit',
                minute: '2-digit',
              };
    f = new Intl.DateTimeFormat(currentIntlTag, { ...options, timeZone: zone });
    formats.set(key, f);
  }
  return f;
}

/** «понедельник, 7 декабря» */
export function formatDay(at: number, zone: string): string {
  return format(zone, 'day').format(at);
}

/** «18:00» */
export function formatTime(at: number, zone: string): string {
  return format(zone, 'time').format(at);
}

/** «7 дек.» */
export function formatShortDate(at: number, zone: string): string {
  return format(zone, 'short').format(at);
}

/** «пн, 7 декабря, 18:00» */
export function formatDateTime(at: number, zone: string): string {
  return format(zone, 'dateTime').format(at);
}

/** the device's IANA zone */
export function deviceZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
