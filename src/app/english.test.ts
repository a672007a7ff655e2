import { afterEach, describe, expect, it } from 'vitest';
import { adminStrings } from '../features/admin/admin-strings.ts';
import { adminTitles } from '../features/admin/admin-titles.ts';
import { domainMessages, translateDomainMessage } from '../i18n/domain-messages.ts';
import { scheduleMessages } from '../domain/schedule.ts';
import { meStrings } from '../features/me/me-strings.ts';
import { moneyStrings } from '../features/money/money-strings.ts';
import { attendanceStrings } from '../features/attendance/attendance-strings.ts';
import { bookingStrings } from '../features/booking/booking-strings.ts';
import { rosterStrings } from '../features/roster/roster-strings.ts';
import { seasonStrings } from '../features/season/season-strings.ts';
import { strings } from '../i18n/shell-strings.ts';
import { syncStrings } from '../features/sync-issues/sync-strings.ts';
import { english } from './english.ts';
import { localized, useCatalogue } from '../i18n/localized.ts';

afterEach(() => useCatalogue(null));

/** every string a catalogue yields, functions called with sample arguments */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    return [2, 1, 'athletes'].flatMap((arg) => leaves(fn(arg), `${path}(${String(arg)})`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [];
}

// Russian that stays Russian in English: the data formats (schedules, ranks)
const dataWords = /Самозапись|Пн|Ср/g;

describe('localized strings', () => {
  it('read Russian until a catalogue is chosen, then the catalogue', () => {
    expect(rosterStrings.title).toBe('Спортсмены');
    expect(syncStrings.pending(3)).toBe('Не отправлено: 3 изменения');
    useCatalogue(english);
    expect(rosterStrings.title).toBe('Athletes');
    expect(strings.signIn.submit).toBe('Sign in');
    expect(syncStrings.pending(1)).toBe('Not sent: 1 change');
    expect(syncStrings.issues.kindName('athletes')).toBe('Athlete');
  });

  it('fall back to Russian for what a catalogue leaves out', () => {
    const s = localized('partial', { a: 'один', nested: { b: 'два' } });
    useCatalogue({ partial: { nested: {} } });
    expect(s.a).toBe('один');
    expect(s.nested.b).toBe('два');
  });

  it('leave no Russian in the English interface but the data formats', () => {
    useCatalogue(english);
    const russian = [
      strings,
      syncStrings,
      rosterStrings,
      domainMessages,
      meStrings,
      seasonStrings,
      moneyStrings,
      attendanceStrings,
      bookingStrings,
      adminStrings,
      adminTitles,
    ]
      .flatMap((module) => leaves(module))
      .filter(([, text]) => /[А-Яа-яЁё]/.test(text.replace(dataWords, '')));
    expect(russian).toEqual([]);
  });

  it('translate what the domain’s schemas say', () => {
    expect(translateDomainMessage(scheduleMessages.repeated)).toBe('День и время повторяются');
    useCatalogue(english);
    expect(translateDomainMessage(scheduleMessages.repeated)).toBe('A day and time is repeated');
    expect(translateDomainMessage('something else')).toBe('something else');
  });
});
