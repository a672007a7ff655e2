// A race's and a plan week's dates as people read them. These are calendar dates
// (a race day, a plan's week in the athlete's plan), not instants: formatted as
// the date they name, in the interface's language, whatever the device's zone.
import { currentIntlTag } from '../../i18n/locale.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(kind: 'long' | 'short' | 'day'): Intl.DateTimeFormat {
  let f = formats.get(kind);
  if (!f) {
    f = new Intl.DateTimeFormat(currentIntlTag, {
      ...(kind === 'long'
        ? { day: 'numeric', month: 'long', year: 'numeric' }
        : kind === 'day'
          ? { day: 'numeric', month: 'long' }
          : { weekday: 'short', day: 'numeric', month: 'long' }),
      timeZone: 'UTC',
    });
    formats.set(kind, f);
  }
  return f;
}

const at = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** «17 марта 2027 г.» */
export function formatRaceDate(date: string): string {
  return format('long').format(at(date));
}

/** «ср, 23 декабря» */
export function formatPlanDate(date: string): string {
  return format('short').format(at(date));
}

/** «30 декабря» */
export function formatWeekDate(date: string): string {
  return format('day').format(at(date));
}
