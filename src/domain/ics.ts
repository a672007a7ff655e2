// An iCalendar (RFC 5545) writer for "add my training to a calendar": a
// VCALENDAR of VEVENTs that phones and desktop calendars import.
//
// Decisions:
//   - Times are written in UTC (`DTSTART:20261207T150000Z`, §3.3.5 form 2). Every
//     event is a materialized session with an exact instant, so UTC is exact and
//     needs no VTIMEZONE (which would have to be derived from tzdata); the
//     calendar shows it in the reader's own zone. No RRULE: a weekly rule in UTC
//     would drift by an hour across a DST change, and the sessions themselves are
//     what the club actually scheduled (cancellations included).
//   - UIDs are the caller's (derive them from a stable id, e.g. the session's), so
//     importing the file again updates events instead of duplicating them.
//   - DTSTAMP is the injected `now`: the writer reads no clock.
//   - Lines end in CRLF and are folded at 75 octets of UTF-8 (§3.1), never inside
//     a multibyte character; TEXT values escape `\`, `;`, `,` and newlines
//     (§3.3.11) and drop other control characters, which TEXT may not contain.
import { civilFromDays, DAY, type Instant } from './zoned-time.ts';

export interface IcsEvent {
  /** globally unique and stable across exports, e.g. `session-<uuid>@trackside` */
  uid: string;
  start: Instant;
  end: Instant;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** a cancelled session stays in the file so a re-import cancels it */
  status?: 'CONFIRMED' | 'CANCELLED' | 'TENTATIVE';
  /** when the event last changed (LAST-MODIFIED) */
  lastModified?: Instant | null;
  /**
   * the event's revision (SEQUENCE, §3.8.7.4): a calendar that holds the UID keeps
   * the copy with the highest one, so a moved or cancelled booking updates in place
   */
  sequence?: number | null;
}

export interface IcsCalendar {
  /** PRODID: who wrote the file */
  productId: string;
  /** the calendar's display name (X-WR-CALNAME, read by most clients) */
  name?: string | null;
  events: readonly IcsEvent[];
  /**
   * METHOD (RFC 5546): PUBLISH for a feed (the default), REQUEST for an invitation
   * sent by email (a booking made or moved), CANCEL for a cancelled one
   */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}

export const ICS_MEDIA_TYPE = 'text/calendar;charset=utf-8';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** an instant as a UTC DATE-TIME: 20261207T150000Z */
export function formatUtc(at: Instant): string {
  if (!Number.isFinite(at)) throw new RangeError(`not an instant: ${at}`);
  const days = Math.floor(at / DAY);
  const [y, m, d] = civilFromDays(days);
  const seconds = Math.floor((at - days * DAY) / 1000);
  const hh = Math.floor(seconds / 3600);
  const mm = Math.floor((seconds % 3600) / 60);
  const ss = seconds % 60;
  return `${pad(y, 4)}${pad(m)}${pad(d)}T${pad(hh)}${pad(mm)}${pad(ss)}Z`;
}

/** a TEXT value (§3.3.11): backslash, semicolon, comma and newlines escaped */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // TEXT admits no control characters except HTAB (§3.3.11 ESCAPED-CHAR / TSAFE-CHAR)
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * One content line folded to at most 75 octets per physical line (§3.1): a
 * continuation starts with one space, which counts toward its 75. Splits only
 * between code points, so a UTF-8 sequence is never cut.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  if (!(event.end > event.start)) {
    throw new RangeError(`event ${event.uid} must end after it starts`);
  }
  if (event.uid.trim() === '' || /[\r\n]/.test(event.uid)) {
    throw new RangeError('an event needs a one-line uid');
  }
  const lines = [
    'BEGIN:VEVENT',
    property('UID', escapeText(event.uid)),
    property('DTSTAMP', stamp),
    property('DTSTART', formatUtc(event.start)),
    property('DTEND', formatUtc(event.end)),
    property('SUMMARY', escapeText(event.summary)),
  ];
  if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
  if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
  if (event.sequence != null) {
    if (!Number.isSafeInteger(event.sequence) || event.sequence < 0) {
      throw new RangeError(`event ${event.uid} needs a sequence of 0 or more`);
    }
    lines.push(property('SEQUENCE', String(event.sequence)));
  }
  if (event.status) lines.push(property('STATUS', event.status));
  if (event.lastModified != null)
    lines.push(property('LAST-MODIFIED', formatUtc(event.lastModified)));
  lines.push('END:VEVENT');
  return lines;
}

/** the whole file: CRLF line ends (the last line too), folded, escaped */
export function writeIcs(calendar: IcsCalendar, now: Date): string {
  const stamp = formatUtc(now.getTime());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', escapeText(calendar.productId)),
    'CALSCALE:GREGORIAN',
    `METHOD:${calendar.method ?? 'PUBLISH'}`,
  ];
  if (calendar.name) lines.push(property('X-WR-CALNAME', escapeText(calendar.name)));
  for (const event of calendar.events) lines.push(...eventLines(event, stamp));
  lines.push('END:VCALENDAR');
  return lines.join(CRLF) + CRLF;
}
