import { describe, expect, test } from 'vitest';
import { BOM } from './csv.ts';
import {
  analyticsCsv,
  clubToday,
  defaultFunnels,
  figuresAsOf,
  parseFunnels,
  parseRevenue,
  resolveRange,
  summarize,
  type AnalyticsCsvWords,
  type CoachDayRow,
  type ResolvedRange,
} from './coach-analytics.ts';
import { toInstant } from './zoned-time.ts';

const org = 'org-1';
const coach = 'coach-1';

function row(day: string, overrides: Partial<CoachDayRow> = {}): CoachDayRow {
  return {
    org_id: org,
    coach_id: coach,
    day,
    page_views: 0,
    visitors: 0,
    offer_views: 0,
    slot_selections: 0,
    checkouts_started: 0,
    checkouts_completed: 0,
    purchases: 0,
    bookings_created: 0,
    bookings_cancelled: 0,
    enrollments: 0,
    lessons_completed: 0,
    revenue: {},
    offers: [],
    sources: [],
    campaigns: [],
    funnels: {},
    refreshed_at: `${day}T20:00:00+00:00`,
    ...overrides,
  };
}

const range = (from: string, to: string): ResolvedRange => {
  const r = resolveRange({ kind: 'custom', from, to }, '2026-12-31');
  if (!r.ok) throw new Error(r.problem);
  return r.range;
};

const scope = (from: string, to: string) => ({
  orgId: org,
  coachId: coach,
  range: range(from, to),
});

describe('ranges', () => {
  test("today is the club's date, not the device's", () => {
    // 22:30 UTC on 5 December is already 6 December in Moscow, still 5th in New York
    const at = toInstant('UTC', '2026-12-05', 22 * 60 + 30);
    expect(clubToday(at, 'Europe/Moscow')).toBe('2026-12-06');
    expect(clubToday(at, 'America/New_York')).toBe('2026-12-05');
  });

  test('the last 7, 30 and 90 days end today, both ends included', () => {
    expect(resolveRange({ kind: 'last', days: 7 }, '2026-12-06')).toEqual({
      ok: true,
      range: { from: '2026-11-30', to: '2026-12-06', days: 7 },
    });
    expect(resolveRange({ kind: 'last', days: 30 }, '2026-03-01')).toEqual({
      ok: true,
      range: { from: '2026-01-31', to: '2026-03-01', days: 30 },
    });
    const ninety = resolveRange({ kind: 'last', days: 90 }, '2026-12-06');
    expect(ninety.ok && ninety.range.from).toBe('2026-09-08');
  });

  test('a custom range must be real dates, in order, not past today, at most a year', () => {
    const today = '2026-12-06';
    const custom = (from: string, to: string) => resolveRange({ kind: 'custom', from, to }, today);
    expect(custom('2026-12-01', '2026-12-01')).toEqual({
      ok: true,
      range: { from: '2026-12-01', to: '2026-12-01', days: 1 },
    });
    expect(custom('2026-02-30', '2026-03-01')).toEqual({ ok: false, problem: 'date' });
    expect(custom('', '2026-03-01')).toEqual({ ok: false, problem: 'date' });
    expect(custom('2026-12-05', '2026-12-01')).toEqual({ ok: false, problem: 'order' });
    expect(custom('2026-12-05', '2026-12-07')).toEqual({ ok: false, problem: 'future' });
    expect(custom('2025-06-01', '2026-12-01')).toEqual({ ok: false, problem: 'length' });
  });
});

describe('summarize', () => {
  const rows = [
    row('2026-12-01', {
      page_views: 10,
      visitors: 4,
      offer_views: 6,
      checkouts_started: 2,
      checkouts_completed: 1,
      purchases: 1,
      bookings_created: 1,
      revenue: { RUB: 250000 },
      offers: [
        {
          id: 'p1',
          kind: 'product',
          name: 'План',
          views: 5,
          checkouts: 2,
          purchases: 1,
          bookings: 0,
        },
      ],
      sources: [
        { domain: '', visitors: 3, views: 7 },
        { domain: 't.me', visitors: 1, views: 3 },
      ],
      campaigns: [{ source: 'tg', medium: 'post', campaign: 'winter', visitors: 1, views: 3 }],
      funnels: { buy: [4, 2, 1], book: [4, 1, 1], course: [4, 0, 0] },
    }),
    row('2026-12-03', {
      page_views: 5,
      visitors: 3,
      offer_views: 2,
      checkouts_started: 1,
      checkouts_completed: 1,
      purchases: 1,
      revenue: { RUB: 100000, EUR: 1500 },
      offers: [
        {
          id: 'p1',
          kind: 'product',
          name: 'План на зиму',
          views: 2,
          checkouts: 1,
          purchases: 1,
          bookings: 0,
        },
        {
          id: 's1',
          kind: 'session_type',
          name: 'Разбор',
          views: 9,
          checkouts: 0,
          purchases: 0,
          bookings: 0,
        },
      ],
      sources: [{ domain: 'T.me', visitors: 2, views: 2 }],
      campaigns: [
        { source: 'tg', medium: 'post', campaign: 'winter', visitors: 2, views: 2 },
        { source: 'vk', medium: null, campaign: null, visitors: 1, views: 1 },
      ],
      funnels: { buy: [2, 1, 1] },
    }),
    // outside the range, another coach, another club: not counted
    row('2026-11-30', { page_views: 100, visitors: 100 }),
    { ...row('2026-12-02', { page_views: 100 }), coach_id: 'coach-2' },
    { ...row('2026-12-02', { page_views: 100 }), org_id: 'org-2' },
  ];
  const summary = summarize(rows, [], scope('2026-12-01', '2026-12-03'));

  test('totals add up the days of this coach in this club within the range', () => {
    expect(summary.rowsInRange).toBe(2);
    expect(summary.totals).toEqual({
      pageViews: 15,
      dailyVisitors: 7,
      offerViews: 8,
      slotSelections: 0,
      checkoutsStarted: 3,
      checkoutsCompleted: 2,
      purchases: 2,
      bookingsCreated: 1,
      bookingsCancelled: 0,
      enrollments: 0,
      lessonsCompleted: 0,
    });
    expect(summary.revenue).toEqual([
      { currency: 'EUR', minor: 1500 },
      { currency: 'RUB', minor: 350000 },
    ]);
  });

  test('conversion is over daily visitors and over checkouts started', () => {
    expect(summary.conversion).toEqual({ purchases: 2 / 7, bookings: 1 / 7, checkouts: 2 / 3 });
    const none = summarize([], [], scope('2026-12-01', '2026-12-03'));
    expect(none.conversion).toEqual({ purchases: null, bookings: null, checkouts: null });
  });

  test('the daily series has every day, a missing day as zeros', () => {
    expect(summary.daily.map((d) => [d.day, d.pageViews, d.dailyVisitors])).toEqual([
      ['2026-12-01', 10, 4],
      ['2026-12-02', 0, 0],
      ['2026-12-03', 5, 3],
    ]);
    expect(summary.daily[2]?.revenue.get('EUR')).toBe(1500);
    expect(summary.daily[1]?.revenue.size).toBe(0);
  });

  test('funnels follow their definitions, summed, with both rates', () => {
    expect(summary.funnels.map((f) => [f.key, f.counts])).toEqual([
      ['buy', [6, 3, 2]],
      ['book', [4, 1, 1]],
      ['course', [4, 0, 0]],
    ]);
    expect(summary.funnels[0]?.rates[2]).toEqual({ overall: 2 / 6, fromPrevious: 2 / 3 });
    const custom = summarize(
      rows,
      [{ key: 'buy', steps: ['offer_view', 'purchase'], window_minutes: 60, position: 1 }],
      scope('2026-12-01', '2026-12-03'),
    );
    expect(custom.funnels).toHaveLength(1);
    expect(custom.funnels[0]?.counts).toEqual([6, 3]);
  });

  test('offers merge by id under their newest name, sources by domain, campaigns by their tags', () => {
    expect(summary.offers).toEqual([
      {
        id: 's1',
        kind: 'session_type',
        name: 'Разбор',
        views: 9,
        checkouts: 0,
        purchases: 0,
        bookings: 0,
      },
      {
        id: 'p1',
        kind: 'product',
        name: 'План на зиму',
        views: 7,
        checkouts: 3,
        purchases: 2,
        bookings: 0,
      },
    ]);
    // equal visitors: more views first
    expect(summary.sources).toEqual([
      { domain: '', visitors: 3, views: 7 },
      { domain: 't.me', visitors: 3, views: 5 },
    ]);
    expect(summary.campaigns).toEqual([
      { source: 'tg', medium: 'post', campaign: 'winter', visitors: 3, views: 5 },
      { source: 'vk', medium: null, campaign: null, visitors: 1, views: 1 },
    ]);
  });

  test('bad jsonb never throws: what does not parse is skipped, the rest counts', () => {
    const bad = [
      row('2026-12-01', {
        page_views: 3,
        revenue: { RUB: 'много', usd: 5, EUR: 1.5, GBP: 700 },
        offers: [
          { id: 'x' },
          null,
          'offer',
          {
            id: 'p1',
            kind: 'product',
            name: 'План',
            views: 1,
            checkouts: 0,
            purchases: 0,
            bookings: 0,
          },
        ],
        sources: { domain: 't.me' },
        campaigns: null,
        funnels: { buy: [1, -1, 0], book: 'x', course: [2, 1, 0] },
      }),
      row('2026-12-02', { revenue: null, offers: 7, sources: [], campaigns: [{}], funnels: [] }),
    ];
    const s = summarize(bad, [], scope('2026-12-01', '2026-12-02'));
    expect(s.totals.pageViews).toBe(3);
    expect(s.revenue).toEqual([{ currency: 'GBP', minor: 700 }]);
    expect(s.offers.map((o) => o.id)).toEqual(['p1']);
    expect(s.sources).toEqual([]);
    expect(s.campaigns).toEqual([]);
    expect(s.funnels.map((f) => f.counts)).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [2, 1, 0],
    ]);
    expect(parseRevenue('{"RUB":1}').size).toBe(0);
    expect(parseFunnels([1, 2]).size).toBe(0);
  });

  test('a device without synced funnel definitions uses the contract defaults', () => {
    expect(summary.funnels.map((f) => f.steps)).toEqual(defaultFunnels.map((f) => f.steps));
  });
});

describe('figuresAsOf', () => {
  test("the newest refresh among the coach's rows in the club, or null", () => {
    const rows = [
      row('2026-12-01', { refreshed_at: '2026-12-06T12:42:00+00:00' }),
      row('2026-12-02', { refreshed_at: '2026-12-06T12:40:00.123+00:00' }),
      { ...row('2026-12-03'), refreshed_at: '2026-12-07T00:00:00Z', coach_id: 'coach-2' },
      row('2026-12-04', { refreshed_at: null }),
    ];
    expect(figuresAsOf(rows, { orgId: org, coachId: coach })).toBe(
      toInstant('UTC', '2026-12-06', 12 * 60 + 42),
    );
    expect(figuresAsOf([], { orgId: org, coachId: coach })).toBeNull();
  });
});

describe('analyticsCsv', () => {
  const words: AnalyticsCsvWords = {
    day: 'День',
    total: 'Итого',
    columns: {
      pageViews: 'Просмотры',
      dailyVisitors: 'Посетители за день',
      offerViews: 'Просмотры предложений',
      slotSelections: 'Выбор времени',
      checkoutsStarted: 'Начатые оплаты',
      checkoutsCompleted: 'Завершённые оплаты',
      purchases: 'Покупки',
      bookingsCreated: 'Записи',
      bookingsCancelled: 'Отмены записей',
      enrollments: 'Записи на курсы',
      lessonsCompleted: 'Пройденные уроки',
    },
    revenue: (c) => `Выручка, ${c}`,
  };

  test('a row per day, zeros included, then the totals; revenue in major units per currency', () => {
    const s = summarize(
      [
        row('2026-12-01', { page_views: 2, visitors: 1, purchases: 1, revenue: { RUB: 250050 } }),
        row('2026-12-03', { page_views: 1, visitors: 1, revenue: { JPY: 500 } }),
      ],
      [],
      scope('2026-12-01', '2026-12-03'),
    );
    const lines = analyticsCsv(s, words).slice(BOM.length).split('\r\n');
    expect(lines[0]).toBe(
      'День;Просмотры;Посетители за день;Просмотры предложений;Выбор времени;Начатые оплаты;Завершённые оплаты;Покупки;Записи;Отмены записей;Записи на курсы;Пройденные уроки;Выручка, JPY;Выручка, RUB',
    );
    expect(lines[1]).toBe('2026-12-01;2;1;0;0;0;0;1;0;0;0;0;0;2500.5');
    expect(lines[2]).toBe('2026-12-02;0;0;0;0;0;0;0;0;0;0;0;0;0');
    expect(lines[3]).toBe('2026-12-03;1;1;0;0;0;0;0;0;0;0;0;500;0');
    expect(lines[4]).toBe('Итого;3;2;0;0;0;0;1;0;0;0;0;500;2500.5');
    expect(lines).toHaveLength(6);
  });
});
