import { describe, expect, it } from 'vitest';
import { attendanceRows, type ReportLabels } from './attendance-report.ts';

const labels: ReportLabels = {
  athlete: 'Спортсмен',
  group: 'Группа',
  percent: '%',
  count: { present: 'Был', excused: 'Уваж.', absent: 'Пропуск', trial: 'Пробное' },
  mark: { present: '+', excused: 'у', absent: 'н', trial: 'п' },
};

describe('attendanceRows', () => {
  it('one column per session of the season in date order, a letter per mark, counts and percent', () => {
    const rows = attendanceRows({
      athletes: [
        { id: 'a', name: 'Петров Иван', group: 'Начинающие' },
        { id: 'b', name: 'Смирнова Анна', group: 'Начинающие' },
      ],
      sessions: [
        { id: 's3', localDate: '2026-09-09', startMinutes: 18 * 60 },
        { id: 's1', localDate: '2026-09-07', startMinutes: 18 * 60 },
        { id: 's2', localDate: '2026-09-07', startMinutes: 10 * 60 },
        // the previous season: left out
        { id: 'old', localDate: '2026-08-31', startMinutes: 18 * 60 },
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
      sessions: [{ id: 's', localDate: '2027-01-10', startMinutes: 600 }],
      marks: [],
      season: '2026-2027',
      labels,
    });
    expect(rows[1]).toEqual(['A', '', null, 0, 0, 0, 0, null]);
  });
});
