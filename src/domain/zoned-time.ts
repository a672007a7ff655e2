// Civil dates, wall-clock times and IANA zones, without ever reading a clock.
//
// Instants are epoch milliseconds (`number`); local dates are ISO strings
// ('2026-03-29'); local times are minutes after local midnight (0…1440). The
// domain never constructs a `Date`: calendar arithmetic is done on epoch days
// (Howard Hinnant's civil-from-days algorithms), and UTC offsets come from the
// runtime's tzdata through `Intl.DateTimeFormat` — the same source and the same
// technique `@date-fns/tz` uses (its `TZDate` is the independent oracle in the
// tests). Never a fixed offset.
//
// Resolving a wall-clock time in a zone (ARCHITECTURE §6; RFC 5545 §3.3.5, and
// what Temporal's `disambiguation: 'compatible'` does):
//   - a time that exists once resolves to that instant;
//   - GAP (spring forward: e.g. 02:30 on 2026-03-29 in Europe/Berlin does not
//     exist) — the time is read with the offset in force *before* the gap, so it
//     moves forward by the length of the gap: 02:30 → 03:30 CEST. The result is
//     flagged `shifted` so callers can show it;
//   - OVERLAP (fall back: 02:30 on 2026-10-25 in Berlin happens twice) — the
//     EARLIER instant (02:30 CEST, 00:30Z) is chosen.
// The SQL function `private.zoned_instant` implements the same rules, so a
// session generated in the database and a slot computed here never disagree.

export type LocalDate = string;
/** epoch milliseconds */
export type Instant = number;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const localDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** days since 1970-01-01 of a proleptic Gregorian date */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month 1–12, day] of an epoch day */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** epoch day of a 'YYYY-MM-DD' date; throws on anything that is not a real date */
export function epochDay(date: LocalDate): number {
  const m = localDatePattern.exec(date);
  if (!m) throw new RangeError(`not a local date: ${date}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const days = daysFromCivil(y, mo, d);
  const [y2, mo2, d2] = civilFromDays(days);
  if (y2 !== y || mo2 !== mo || d2 !== d) throw new RangeError(`not a local date: ${date}`);
  return days;
}

export function dateFromEpochDay(days: number): LocalDate {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return dateFromEpochDay(epochDay(date) + n);
}

/** 0 = Sunday … 6 = Saturday (seed 004's convention, and Postgres' `extract(dow)`) */
export function weekday(date: LocalDate): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

/** 'HH:MM' → minutes after midnight; '24:00' is allowed as an end of day */
export function parseLocalTime(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 24 || min > 59 || (h === 24 && min !== 0)) {
    throw new RangeError(`not a local time: ${time}`);
  }
  return h * 60 + min;
}

export function formatLocalTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

// offsets ----------------------------------------------------------------------

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(zone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, f);
  }
  return f;
}

/** true when the runtime's tzdata knows this IANA zone */
export function isValidZone(zone: string): boolean {
  try {
    offsetFormat(zone);
    return true;
  } catch {
    return false;
  }
}

function rawOffsetMinutes(zone: string, at: Instant): number {
  const parts = offsetFormat(zone).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?(?::(\d{2}))?/.exec(name);
  if (!m) return 0; // plain "GMT"
  const value = Number(m[2]) * 60 + Number(m[3] ?? 0) + Number(m[4] ?? 0) / 60;
  return m[1] === '-' ? -value : value;
}

// every offset change in modern tzdata happens on a quarter hour; a bucket is
// cached only when its two ends agree, so a transition inside one is never hidden.
const BUCKET = 15 * MINUTE;
const offsetCache = new Map<string, Map<number, number>>();

/** the zone's UTC offset in minutes at an instant (+60 for Berlin in winter) */
export function offsetMinutes(zone: string, at: Instant): number {
  let cache = offsetCache.get(zone);
  if (!cache) {
    cache = new Map();
    offsetCache.set(zone, cache);
  }
  const bucket = Math.floor(at / BUCKET);
  const hit = cache.get(bucket);
  if (hit !== undefined) return hit;
  const start = rawOffsetMinutes(zone, bucket * BUCKET);
  const end = rawOffsetMinutes(zone, bucket * BUCKET + BUCKET - 1);
  if (start === end) {
    if (cache.size > 200_000) cache.clear();
    cache.set(bucket, start);
    return start;
  }
  return rawOffsetMinutes(zone, at);
}

// wall clock <-> instant ----------------------------------------------------------

export interface Resolved {
  instant: Instant;
  /** the wall-clock time fell in a DST gap and was moved forward by the gap */
  shifted: boolean;
  /** the wall-clock time happened twice; the earlier instant was chosen */
  ambiguous: boolean;
}

/** the instant a wall-clock time on a local date denotes in a zone (see the header) */
export function resolveLocal(zone: string, date: LocalDate, minutes: number): Resolved {
  const wall = epochDay(date) * DAY + minutes * MINUTE;
  // offsets a day either side bracket any transition near this wall time
  const before = offsetMinutes(zone, wall - DAY);
  const after = offsetMinutes(zone, wall + DAY);
  const fits = (offset: number) => offsetMinutes(zone, wall - offset * MINUTE) === offset;
  const okBefore = fits(before);
  const okAfter = before !== after && fits(after);
  if (okBefore && okAfter) {
    // overlap: the larger offset gives the earlier instant
    return { instant: wall - Math.max(before, after) * MINUTE, shifted: false, ambiguous: true };
  }
  if (okBefore) return { instant: wall - before * MINUTE, shifted: false, ambiguous: false };
  if (okAfter) return { instant: wall - after * MINUTE, shifted: false, ambiguous: false };
  // gap: read with the offset in force before it, which lands after the gap
  return { instant: wall - before * MINUTE, shifted: true, ambiguous: false };
}

/** shorthand for `resolveLocal(...).instant` */
export function toInstant(zone: string, date: LocalDate, minutes: number): Instant {
  return resolveLocal(zone, date, minutes).instant;
}

export interface LocalDateTime {
  date: LocalDate;
  /** minutes after local midnight */
  minutes: number;
}

/** the wall clock in a zone at an instant (minutes truncated) */
export function toLocal(zone: string, at: Instant): LocalDateTime {
  const wall = at + offsetMinutes(zone, at) * MINUTE;
  const day = Math.floor(wall / DAY);
  return { date: dateFromEpochDay(day), minutes: Math.floor((wall - day * DAY) / MINUTE) };
}

/** 'YYYY-MM-DDTHH:MM' in a zone, for display and test vectors */
export function formatInZone(zone: string, at: Instant): string {
  const l = toLocal(zone, at);
  return `${l.date}T${formatLocalTime(l.minutes)}`;
}

/** the local date in a zone at an instant */
export function localDateAt(zone: string, at: Instant): LocalDate {
  return toLocal(zone, at).date;
}

const timestampPattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant of a timestamp as the server or a device writes one
 * (`2026-12-05T10:00:00+00:00`, `…Z`, fractions allowed), or null for anything
 * else: a date alone, a time of day, free text.
 */
export function parseTimestamp(value: unknown): Instant | null {
  if (typeof value !== 'string') return null;
  const m = timestampPattern.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, sec, frac, utc, sign, oh, om] = m.slice(1);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59) {
    return null;
  }
  const offset = utc ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return (
    daysFromCivil(Number(y), month, day) * DAY +
    Number(h) * HOUR +
    Number(mi) * MINUTE +
    Number(sec ?? 0) * 1000 +
    Math.round(Number(`0.${frac ?? 0}`) * 1000) -
    offset * MINUTE
  );
}
