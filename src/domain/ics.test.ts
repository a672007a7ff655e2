import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TZDate } from '@date-fns/tz';
import { escapeText, foldLine, formatUtc, writeIcs, type IcsEvent } from './ics.ts';
import { DAY, daysFromCivil } from './zoned-time.ts';

/** an instant from a UTC calendar date and time (month 1–12) */
const utc = (y: number, month: number, d: number, h = 0, m = 0, s = 0): number =>
  daysFromCivil(y, month, d) * DAY + ((h * 60 + m) * 60 + s) * 1000;
/** the injected clock: a Date (TZDate is one) at a fixed instant */
const clock = (at: number): TZDate => new TZDate(at, 'UTC');

const now = clock(utc(2026, 12, 4, 21, 30, 5));
const start = utc(2026, 12, 7, 15, 0);
const event: IcsEvent = {
  uid: 'session-1@trackside',
  start,
  end: start + 90 * 60_000,
  summary: 'Тренировка: Начинающие',
  location: 'Манеж ЦСКА, сектор 2; дорожка 4',
  description: 'Тренер: Игорь Волков\nВзять шиповки',
};

const octets = (s: string): number => new TextEncoder().encode(s).length;

/** the physical lines of a file, without their CRLF */
function physicalLines(ics: string): string[] {
  expect(ics.endsWith('\r\n')).toBe(true);
  return ics.slice(0, -2).split('\r\n');
}

/** an independent reader: Mozilla's ical.js */
function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

describe('formatUtc', () => {
  it('writes a UTC DATE-TIME', () => {
    expect(formatUtc(start)).toBe('20261207T150000Z');
    expect(formatUtc(utc(1999, 1, 1, 0, 0, 59))).toBe('19990101T000059Z');
    expect(formatUtc(utc(2028, 2, 29, 23, 59, 0))).toBe('20280229T235900Z');
  });

  it('agrees with an independent formatter (TZDate) for any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: utc(2200, 1, 1) }), (ms) => {
        const iso = new TZDate(ms, 'UTC').toISOString();
        const expected = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
        expect(formatUtc(ms)).toBe(expected);
      }),
    );
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('leaves Cyrillic and tabs alone and drops other control characters', () => {
    expect(escapeText('Пн\t18:00\u0007')).toBe('Пн\t18:00');
  });
});

describe('foldLine', () => {
  it('leaves a short line as it is', () => {
    expect(foldLine('SUMMARY:Бег')).toBe('SUMMARY:Бег');
  });

  it('folds at 75 octets, a continuation starting with one space', () => {
    const line = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldLine(line).split('\r\n');
    // 212 octets: 75, then 74 + a space, then the last 63 + a space
    expect(folded.map(octets)).toEqual([75, 75, 64]);
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it('never splits a multibyte character, whatever the text', () => {
    // ASCII, Cyrillic (2 octets), CJK (3) and emoji (4, a surrogate pair in JS)
    const text = fc.array(fc.constantFrom('a', 'Ж', 'ё', '中', '🏃', ' ', ';'), { maxLength: 300 });
    fc.assert(
      fc.property(text, (chars) => {
        const line = `SUMMARY:${chars.join('')}`;
        const folded = foldLine(line).split('\r\n');
        for (const physical of folded) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
          // a lone surrogate would mean a character was cut in two
          expect(physical).toBe(physical.toWellFormed());
        }
        expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
      }),
    );
  });

  it('fills a Cyrillic line up to the octet limit, not the character limit', () => {
    const folded = foldLine(`SUMMARY:${'Ж'.repeat(60)}`).split('\r\n');
    // "SUMMARY:" is 8 octets, then 33 × 2 = 66 → 74; one more Ж would make 76
    expect(folded[0]).toBe(`SUMMARY:${'Ж'.repeat(33)}`);
    expect(folded[1]).toBe(` ${'Ж'.repeat(27)}`);
  });
});

describe('writeIcs', () => {
  it('writes a calendar that ical.js reads back exactly', () => {
    const cancelled: IcsEvent = {
      uid: 'session-2@trackside',
      start: start + 2 * 86_400_000,
      end: start + 2 * 86_400_000 + 3_600_000,
      summary: 'Тренировка, отменена',
      status: 'CANCELLED',
      lastModified: utc(2026, 12, 1, 8, 0),
    };
    const ics = writeIcs(
      { productId: '-//Trackside//RU', name: 'Мои тренировки', events: [event, cancelled] },
      now,
    );
    for (const line of physicalLines(ics)) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(ics).not.toMatch(/[^\r]\n/);

    const calendar = parse(ics);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Trackside//RU');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Мои тренировки');
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['session-1@trackside', 'session-2@trackside']);
    const [first, second] = events;
    expect(first?.summary).toBe('Тренировка: Начинающие');
    expect(first?.location).toBe('Манеж ЦСКА, сектор 2; дорожка 4');
    expect(first?.description).toBe('Тренер: Игорь Волков\nВзять шиповки');
    expect(first?.startDate.toUnixTime()).toBe(start / 1000);
    expect(first?.endDate.toUnixTime()).toBe((start + 90 * 60_000) / 1000);
    expect(first?.startDate.zone.tzid).toBe('UTC');
    expect(first?.component.getFirstPropertyValue('dtstamp')?.toString()).toBe(
      '2026-12-04T21:30:05Z',
    );
    expect(second?.summary).toBe('Тренировка, отменена');
    expect(second?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(second?.component.getFirstPropertyValue('last-modified')?.toString()).toBe(
      '2026-12-01T08:00:00Z',
    );
  });

  it('round-trips long Cyrillic text with every escape through folding', () => {
    const long = 'Сбор у входа, «Манеж»; не забыть\\взять: форму, шиповки, воду.\n'.repeat(5);
    const ics = writeIcs(
      { productId: '-//Trackside//RU', events: [{ ...event, description: long, summary: long }] },
      now,
    );
    for (const line of physicalLines(ics)) expect(octets(line)).toBeLessThanOrEqual(75);
    const read = new ICAL.Event(parse(ics).getFirstSubcomponent('vevent') ?? undefined);
    expect(read.description).toBe(long);
    expect(read.summary).toBe(long);
  });

  it('is the same file for the same input and clock (stable uids, stamp from the clock)', () => {
    const a = writeIcs({ productId: 'p', events: [event] }, now);
    const b = writeIcs({ productId: 'p', events: [event] }, clock(now.getTime()));
    expect(a).toBe(b);
    expect(a).toContain('DTSTAMP:20261204T213005Z\r\n');
    expect(writeIcs({ productId: 'p', events: [event] }, clock(0))).toContain(
      'DTSTAMP:19700101T000000Z\r\n',
    );
  });

  it('writes an empty calendar when there is nothing to add', () => {
    expect(writeIcs({ productId: 'p', events: [] }, now)).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:p\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
  });

  it('refuses an event that ends before it starts or has no uid', () => {
    expect(() => writeIcs({ productId: 'p', events: [{ ...event, end: start }] }, now)).toThrow(
      RangeError,
    );
    expect(() => writeIcs({ productId: 'p', events: [{ ...event, uid: ' ' }] }, now)).toThrow(
      RangeError,
    );
  });

  it('writes an invitation’s method and the event’s version, which ical.js reads back', () => {
    const ics = writeIcs(
      {
        productId: 'p',
        method: 'CANCEL',
        events: [{ ...event, sequence: 3, status: 'CANCELLED' }],
      },
      now,
    );
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = calendar.getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(writeIcs({ productId: 'p', events: [event] }, now)).toContain('METHOD:PUBLISH');
    expect(writeIcs({ productId: 'p', events: [event] }, now)).not.toContain('SEQUENCE');
    expect(() => writeIcs({ productId: 'p', events: [{ ...event, sequence: -1 }] }, now)).toThrow(
      RangeError,
    );
  });
});
