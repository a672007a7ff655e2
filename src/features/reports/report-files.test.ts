import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
} from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { english } from '../../app/english.ts';
import { athleteReport } from '../../domain/athlete-report.ts';
import { unzipStored } from '../../domain/unzip-stored.ts';
import { buildXlsx } from '../../domain/xlsx.ts';
import { useCatalogue } from '../../i18n/localized.ts';
import { reportDocument } from './report-document.ts';
import { buildReportPdf } from './report-pdf.ts';
import { reportSheets } from './report-sheets.ts';

afterEach(() => useCatalogue(null));

const font = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./fonts/${name}`, import.meta.url))));
const fonts = { regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') };

// the clock: 15 October 2026, noon UTC
const NOW = Date.UTC(2026, 9, 15, 12);

function sample() {
  const report = athleteReport({
    period: { from: '2026-09-01', to: '2027-08-31' },
    today: '2026-10-15',
    attendance: [
      { status: 'present', localDate: '2026-09-02' },
      { status: 'present', localDate: '2026-09-04' },
      { status: 'absent', localDate: '2026-10-01' },
      { status: 'present', localDate: '2026-10-03' },
    ],
    workouts: [
      { id: 'w1', planStart: '2026-09-07', week: 1, day: 1, type: 'run' },
      { id: 'w2', planStart: '2026-09-07', week: 1, day: 3, type: 'intervals' },
    ],
    logs: [{ workoutId: 'w1', status: 'done' }],
    results: [
      {
        id: 'r1',
        competedOn: '2026-10-05',
        competition: 'Первенство города',
        level: 'city',
        discipline: '60m',
        resultKind: 'time',
        value: 7.95,
        timing: 'auto',
        venue: 'indoor',
        place: 2,
      },
    ],
    currentRanks: { season: '2026-2027', rankStart: 'II юношеский разряд', rankEnd: null },
    rankHistory: [{ season: '2025-2026', rankStart: null, rankEnd: 'II юношеский разряд' }],
  });
  return reportDocument({ name: 'Петров Иван', group: 'Начинающие', report, madeOn: '2026-10-15' });
}

/**
 * The text a PDF shows, as far as its embedded fonts' ToUnicode maps tell: each
 * hex string of the content streams decoded with each font's map (the names of
 * the fonts in use are not followed, so one of the decodings is the right one).
 */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const maps: Map<number, string>[] = [];
  const contents: string[] = [];
  const decode = (s: PDFRawStream) =>
    new TextDecoder('latin1').decode(decodePDFRawStream(s).decode());
  for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || !(obj.get(PDFName.of('ToUnicode')) instanceof PDFRef))
      continue;
    const cmap = pdf.context.lookup(obj.get(PDFName.of('ToUnicode')));
    if (!(cmap instanceof PDFRawStream)) continue;
    const map = new Map<number, string>();
    const text = decode(cmap);
    for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        const hex = m[2] ?? '';
        const units = hex.match(/.{4}/g) ?? [];
        map.set(
          parseInt(m[1] ?? '0', 16),
          String.fromCharCode(...units.map((u) => parseInt(u, 16))),
        );
      }
    }
    for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const m of (block[1] ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g,
      )) {
        const [lo, hi, first] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16)) as [
          number,
          number,
          number,
        ];
        for (let g = lo; g <= hi; g++) map.set(g, String.fromCharCode(first + g - lo));
      }
    }
    maps.push(map);
  }
  for (const page of pdf.getPages()) {
    const c = page.node.get(PDFName.of('Contents'));
    const refs = c instanceof PDFArray ? c.asArray() : [c];
    for (const ref of refs) {
      const s = pdf.context.lookup(ref);
      if (s instanceof PDFRawStream) contents.push(decode(s));
    }
  }
  const hexStrings = contents.flatMap((c) => [...c.matchAll(/<([0-9a-fA-F]+)>\s*Tj/g)]);
  return maps
    .map((map) =>
      hexStrings
        .map((m) =>
          ((m[1] ?? '').match(/.{4}/g) ?? []).map((g) => map.get(parseInt(g, 16)) ?? '').join(''),
        )
        .join('\n'),
    )
    .join('\n');
}

describe('the report’s files', () => {
  it('the PDF opens and shows the athlete, the period, the attendance and the sections', async () => {
    const bytes = await buildReportPdf(sample(), fonts, NOW);
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe('Отчёт спортсмена: Петров Иван');
    expect(pdf.getSubject()).toBe('01.09.2026 — 31.08.2027');
    const text = await pdfText(bytes);
    for (const expected of [
      'Петров Иван',
      '01.09.2026 — 31.08.2027',
      'Посещаемость, %',
      '75',
      'Выполнение плана',
      'Результаты',
      'Первенство города',
      '7.95 с',
      'личный рекорд',
      'Разряды',
      'II юношеский разряд',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('the PDF is in English when English is chosen', async () => {
    useCatalogue(english);
    const text = await pdfText(await buildReportPdf(sample(), fonts, NOW));
    expect(text).toContain('Athlete report');
    expect(text).toContain('Attendance, %');
    expect(text).toContain('Петров Иван');
  });

  it('the XLSX opens and holds the athlete, the figures and the results', () => {
    const files = unzipStored(buildXlsx(reportSheets(sample())));
    const xml = (name: string) => new TextDecoder().decode(files.get(name));
    const summary = xml('xl/worksheets/sheet1.xml');
    expect(summary).toContain('>Петров Иван<');
    expect(summary).toContain('>01.09.2026 — 31.08.2027<');
    expect(summary).toMatch(/>Посещаемость, %<[\s\S]*?<v>75<\/v>/);
    expect(xml('xl/workbook.xml')).toContain('name="Результаты"');
    expect(xml('xl/worksheets/sheet3.xml')).toContain('>Первенство города<');
    expect(xml('xl/worksheets/sheet4.xml')).toContain('>II юношеский разряд<');
  });
});
