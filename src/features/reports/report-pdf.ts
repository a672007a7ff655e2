// The report as an A4 PDF (pdf-lib), with DejaVu Sans embedded (subset) so
// Cyrillic prints on any reader: the header facts, the figures, a bar chart by
// month, then the tables, breaking onto new pages as needed. The fonts come in
// as bytes, so the caller decides where they are loaded from (the app fetches
// them lazily; the unit test reads them from disk).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Cell } from '../../domain/csv.ts';
import type { ReportDocument, ReportTable } from './report-document.ts';
import { reportsStrings as t } from './reports-strings.ts';

export interface PdfFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const TEXT = rgb(0.11, 0.11, 0.1);
const MUTED = rgb(0.36, 0.34, 0.33);
const RULE = rgb(0.85, 0.83, 0.8);
const BRAND = rgb(0.7, 0.21, 0.11);
const INFO = rgb(0.11, 0.3, 0.85);

const cellText = (c: Cell): string => (c === null ? '—' : String(c));

class Writer {
  page: PDFPage;
  y: number;

  constructor(
    readonly pdf: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  /** a new page when fewer than `needed` points are left */
  room(needed: number): void {
    if (this.y - needed >= MARGIN) return;
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  /** the text cut with "…" to fit `width` */
  fit(text: string, font: PDFFont, size: number, width: number): string {
    if (font.widthOfTextAtSize(text, size) <= width) return text;
    let cut = text;
    while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width)
      cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  line(text: string, opts: { size?: number; bold?: boolean; color?: typeof TEXT } = {}): void {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.regular;
    this.room(size * 1.5);
    this.y -= size * 1.2;
    this.page.drawText(this.fit(text, font, size, this.width), {
      x: MARGIN,
      y: this.y,
      size,
      font,
      color: opts.color ?? TEXT,
    });
    this.y -= size * 0.4;
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** label and value pairs, the value in a second column */
  pairs(pairs: readonly [string, Cell][], size = 10): void {
    const col = this.width * 0.55;
    for (const [label, value] of pairs) {
      this.room(size * 1.6);
      this.y -= size * 1.3;
      this.page.drawText(this.fit(label, this.regular, size, col - 8), {
        x: MARGIN,
        y: this.y,
        size,
        font: this.regular,
        color: MUTED,
      });
      this.page.drawText(this.fit(cellText(value), this.bold, size, this.width - col), {
        x: MARGIN + col,
        y: this.y,
        size,
        font: this.bold,
        color: TEXT,
      });
      this.y -= size * 0.3;
    }
  }

  table(table: ReportTable, widths: readonly number[]): void {
    const size = 8.5;
    const total = widths.reduce((a, b) => a + b, 0);
    const xs: number[] = [];
    let x = MARGIN;
    for (const w of widths) {
      xs.push(x);
      x += (w / total) * this.width;
    }
    const colWidth = (i: number) => ((widths[i] ?? 0) / total) * this.width - 6;
    this.gap(8);
    this.line(table.title, { size: 13, bold: true });
    if (table.rows.length === 0) {
      this.line(table.empty, { color: MUTED });
      return;
    }
    const row = (cells: readonly Cell[], bold: boolean) => {
      this.room(size * 2);
      this.y -= size * 1.5;
      cells.forEach((c, i) => {
        const font = bold ? this.bold : this.regular;
        this.page.drawText(this.fit(cellText(c), font, size, colWidth(i)), {
          x: xs[i] ?? MARGIN,
          y: this.y,
          size,
          font,
          color: bold ? MUTED : TEXT,
        });
      });
      this.y -= size * 0.5;
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: MARGIN + this.width, y: this.y },
        thickness: 0.5,
        color: RULE,
      });
    };
    row(table.head, true);
    for (const r of table.rows) row(r, false);
  }

  /** bars per month: attendance and plan, 0–100 % */
  chart(labels: readonly string[], series: readonly (readonly (number | null)[])[]): void {
    if (labels.length === 0) return;
    const height = 110;
    const size = 7.5;
    this.room(height + 50);
    this.gap(10);
    const base = this.y - height;
    const colors = [BRAND, INFO];
    // the 0, 50 and 100 % guides
    for (const p of [0, 50, 100]) {
      const gy = base + (p / 100) * height;
      this.page.drawLine({
        start: { x: MARGIN + 24, y: gy },
        end: { x: MARGIN + this.width, y: gy },
        thickness: 0.4,
        color: RULE,
      });
      this.page.drawText(`${p}%`, { x: MARGIN, y: gy - 3, size, font: this.regular, color: MUTED });
    }
    const slot = (this.width - 28) / labels.length;
    const bar = Math.min(14, (slot - 6) / series.length);
    labels.forEach((label, i) => {
      const x0 = MARGIN + 28 + i * slot + (slot - bar * series.length) / 2;
      series.forEach((values, s) => {
        const v = values[i];
        if (v === null || v === undefined) return;
        this.page.drawRectangle({
          x: x0 + s * bar,
          y: base,
          width: bar - 1,
          height: Math.max(0.5, (v / 100) * height),
          color: colors[s % colors.length] ?? BRAND,
        });
      });
      if (labels.length <= 12 || i % Math.ceil(labels.length / 12) === 0) {
        const w = this.regular.widthOfTextAtSize(label, size);
        this.page.drawText(label, {
          x: MARGIN + 28 + i * slot + (slot - w) / 2,
          y: base - size - 3,
          size,
          font: this.regular,
          color: MUTED,
        });
      }
    });
    this.y = base - size - 10;
  }

  legend(names: readonly string[]): void {
    const colors = [BRAND, INFO];
    const size = 8.5;
    this.room(size * 2);
    this.y -= size * 1.4;
    let x = MARGIN;
    names.forEach((name, i) => {
      this.page.drawRectangle({
        x,
        y: this.y,
        width: 8,
        height: 8,
        color: colors[i] ?? BRAND,
      });
      this.page.drawText(name, { x: x + 12, y: this.y, size, font: this.regular, color: TEXT });
      x += 12 + this.regular.widthOfTextAtSize(name, size) + 18;
    });
  }
}

/** the PDF's bytes; `made` (epoch ms) is the file's creation date, from the caller's clock */
export async function buildReportPdf(
  doc: ReportDocument,
  fonts: PdfFonts,
  made: number,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const [regular, bold] = await Promise.all([
    pdf.embedFont(fonts.regular, { subset: true }),
    pdf.embedFont(fonts.bold, { subset: true }),
  ]);
  const name = doc.facts[0]?.[1] ?? '';
  const period = doc.facts[2]?.[1] ?? '';
  pdf.setTitle(`${doc.title}: ${name}`);
  pdf.setSubject(period);
  pdf.setCreator('Trackside');
  pdf.setProducer('Trackside');
  pdf.setCreationDate(new Date(made));
  pdf.setModificationDate(new Date(made));

  const w = new Writer(pdf, regular, bold);
  w.line(doc.title, { size: 18, bold: true });
  w.gap(4);
  w.pairs(doc.facts, 11);
  w.gap(10);
  w.line(t.attendance.title, { size: 13, bold: true });
  w.pairs(doc.summary.slice(0, 5));
  w.gap(6);
  w.line(t.plan.title, { size: 13, bold: true });
  w.pairs(doc.summary.slice(5));
  const [months, ...rest] = doc.tables;
  if (months && months.rows.length > 0) {
    w.gap(8);
    w.line(t.chart.caption, { size: 13, bold: true });
    w.legend([t.chart.attendance, t.chart.plan]);
    w.chart(
      months.rows.map((r) => cellText(r[0] ?? null)),
      [1, 2].map((i) =>
        months.rows.map((r) => (typeof r[i] === 'number' ? (r[i] as number) : null)),
      ),
    );
  }
  for (const table of rest) {
    w.table(table, table.head.length > 3 ? [1.1, 2.3, 2, 1.7, 0.8, 1.6] : [1, 2, 2]);
  }
  w.gap(12);
  w.line(doc.made, { size: 8, color: MUTED });

  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const label = t.file.page(i + 1, pages.length);
    page.drawText(label, {
      x: A4[0] - MARGIN - regular.widthOfTextAtSize(label, 8),
      y: MARGIN / 2,
      size: 8,
      font: regular,
      color: MUTED,
    });
  });
  return pdf.save();
}
