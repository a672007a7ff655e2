import { describe, expect, it } from 'vitest';
import { attendanceRows, type ReportLabels } from './attendance-report.ts';
import { DAY, HOUR, daysFromCivil } from './zoned-time.ts';

const labels: ReportLabels = {
  athlete: 'Спортсмен',
  group: 'Группа',
  percent: '%',
  count: { present: 'Был', excused: 'Уваж.', absent: 'Пропуск', trial: 'Пробное' },
  mark: { present: '+', excused: 'у', absent: 'н', trial: 'п' },
};

/** a session's start, epoch ms (the hour does not matter here) */
const at = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return daysFromCivil(y ?? 0, m ?? 0, d ?? 0) * DAY + 15 * HOUR;
};

describe('attendanceRows', () => {
  it('one column per session of the season in date order, a letter per mark, counts and percent', () => {
    const rows = attendanceRows({
      athletes: [
        { id: 'a', name: 'Петров Иван', group: 'Начинающие' },
        { id: 'b', name: 'Смирнова Анна', group: 'Начинающие' },
      ],
      sessions: [
        { id: 's3', localDate: '2026-09-09', startMinutes: 18 * 60, startsAt: at('2026-09-09') },
        { id: 's1', localDate: '2026-09-07', startMinutes: 18 * 60, startsAt: at('2026-09-07') },
        { id: 's2', localDate: '2026-09-07', startMinutes: 10 * 60, startsAt: at('2026-09-07') },
        // the previous season: left out
        { id: 'old', localDate: '2026-08-31', startMinutes: 18 * 60, startsAt: at('2026-08-31') },
      ],
      marks: [
        { sessionId: 's1', athleteId: 'a', status: 'present' },
        { sessionId: 's2', athleteId: 'a', status: 'absent' },
        { sessionId: 's3', athleteId: 'a', status: 'excused' },
        { sessionId: 'old', athleteId: 'a', status: 'absent' },
        { sessionId: 's3', athleteId: 'b', status: 'trial' },
      ],
      season: '2026-2027',
      labels,
      now: at('2027-05-31'),
    });
    expect(rows).toEqual([
      [
        'Спортсмен',
        'Группа',
        '07.09.2026 10:00',
        '07.09.2026 18:00',
        '09.09.2026',
        'Был',
        'Уваж.',
        'Пропуск',
        'Пробное',
        '%',
      ],
      ['Петров Иван', 'Начинающие', 'н', '+', 'у', 1, 1, 1, 0, 50],
      ['Смирнова Анна', 'Начинающие', null, null, 'п', 0, 0, 0, 1, 100],
    ]);
  });

  it('an athlete with no marks gets empty cells and no percent', () => {
    const rows = attendanceRows({
      athletes: [{ id: 'a', name: 'A', group: '' }],
      sessions: [
        { id: 's', localDate: '2027-01-10', startMinutes: 600, startsAt: at('2027-01-10') },
      ],
      marks: [],
      season: '2026-2027',
      labels,
      now: at('2027-05-31'),
    });
    expect(rows[1]).toEqual(['A', '', null, 0, 0, 0, 0, null]);
  });

  it('gives sessions still ahead no column, unless one is already marked', () => {
    const rows = attendanceRows({
      athletes: [{ id: 'a', name: 'A', group: 'G' }],
      sessions: [
        { id: 'past', localDate: '2026-12-01', startMinutes: 900, startsAt: at('2026-12-01') },
        // later today: still ahead
        {
          id: 'tonight',
          localDate: '2026-12-06',
          startMinutes: 1080,
          startsAt: at('2026-12-06') + 3 * HOUR,
        },
        { id: 'next', localDate: '2026-12-08', startMinutes: 900, startsAt: at('2026-12-08') },
        { id: 'marked', localDate: '2026-12-10', startMinutes: 900, startsAt: at('2026-12-10') },
      ],
      marks: [
        { sessionId: 'past', athleteId: 'a', status: 'present' },
        { sessionId: 'marked', athleteId: 'a', status: 'absent' },
      ],
      season: '2026-2027',
      labels,
      now: at('2026-12-06'),
    });
    expect(rows[0]?.slice(2, 4)).toEqual(['01.12.2026', '10.12.2026']);
    expect(rows[1]).toEqual(['A', 'G', '+', 'н', 1, 0, 1, 0, 50]);
  });
});
