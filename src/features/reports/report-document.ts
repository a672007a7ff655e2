// The report as labelled text, shared by the PDF and the XLSX so both files say
// the same as the screen: the header facts, the summary figures, the monthly
// table, the results with their bests, and the ranks. Built from the domain's
// report and the feature's strings; no library here, so it is cheap to test.
import type { AthleteReport } from '../../domain/athlete-report.ts';
import { formatResultValue, type ReportResult } from '../../domain/athlete-report.ts';
import type { Cell } from '../../domain/csv.ts';
import type { LocalDate } from '../../domain/zoned-time.ts';
import { reportsStrings as t } from './reports-strings.ts';

export interface ReportDocumentInput {
  name: string;
  group: string;
  report: AthleteReport;
  /** the day the file was made (the club's date) */
  madeOn: LocalDate;
}

export interface ReportTable {
  title: string;
  head: string[];
  rows: Cell[][];
  /** said instead of an empty table */
  empty: string;
}

export interface ReportDocument {
  title: string;
  /** label and value pairs: athlete, group, period */
  facts: [string, string][];
  summary: [string, Cell][];
  tables: ReportTable[];
  made: string;
}

/** 05.03.2027: the same in both languages, as the attendance export writes dates */
export function formatDate(date: LocalDate): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** "10.85 с", "6.45 м (ручн.)" */
export function resultText(r: ReportResult): string {
  const unit = t.unit[r.resultKind] ?? '';
  const hand = r.timing === 'hand' ? ` (${t.handTimed})` : '';
  return `${formatResultValue(r.resultKind, r.value)} ${unit}${hand}`;
}

export function reportDocument(input: ReportDocumentInput): ReportDocument {
  const { report } = input;
  const a = report.attendance;
  const c = report.compliance;
  const f = t.file;
  const bestIds = new Map(report.personalBests.map((p) => [p.best.id, p.allTime]));
  return {
    title: f.title,
    facts: [
      [f.athlete, input.name],
      [f.group, input.group || '—'],
      [f.period, t.period.shown(formatDate(report.period.from), formatDate(report.period.to))],
    ],
    summary: [
      [f.attendancePercent, a.percent],
      [f.present, a.present],
      [f.trial, a.trial],
      [f.absent, a.absent],
      [f.excused, a.excused],
      [f.planPercent, c.percent],
      [f.planDue, c.due],
      [f.planDone, c.done],
      [f.planSkipped, c.skipped],
    ],
    tables: [
      {
        title: f.sheetMonths,
        head: [t.chart.month, `${t.chart.attendance}, %`, `${t.chart.plan}, %`],
        rows: report.months.map((m) => [
          formatMonth(m.month),
          m.attendancePercent,
          m.compliancePercent,
        ]),
        empty: '—',
      },
      {
        title: t.results.title,
        head: [
          t.results.date,
          t.results.competition,
          t.results.discipline,
          t.results.result,
          t.results.place,
          t.results.best,
        ],
        rows: report.results.map((r) => {
          const best = bestIds.get(r.id);
          return [
            formatDate(r.competedOn),
            r.competition,
            `${t.discipline(r.discipline)}, ${t.venue[r.venue] ?? r.venue}`,
            resultText(r),
            r.place,
            best === undefined ? null : best ? t.results.allTime : t.results.periodBest,
          ];
        }),
        empty: t.results.none,
      },
      {
        title: t.ranks.title,
        head: [t.ranks.season, t.ranks.start, t.ranks.end],
        rows: report.ranks.map((s) => [s.season, s.rankStart, s.rankEnd]),
        empty: t.ranks.none,
      },
    ],
    made: f.made(formatDate(input.madeOn)),
  };
}

/** 2026-09 → 09.2026 */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${m}.${y}`;
}
