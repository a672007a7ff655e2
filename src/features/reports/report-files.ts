// The report's PDF and XLSX, built on the device (so they download offline too)
// and handed to the browser. Loaded on demand: pdf-lib and the fonts never weigh
// on the page's first load. The fonts are files of their own (a subset of DejaVu
// Sans: Latin and Cyrillic; fonts/LICENSE.txt), fetched when a PDF is asked for;
// the service worker precaches them with the shell, so that works offline.
import { buildXlsx, XLSX_MIME } from '../../domain/xlsx.ts';
import { downloadFile } from '../../ui/download-file.ts';
import regularUrl from './fonts/DejaVuSans.ttf?url';
import boldUrl from './fonts/DejaVuSans-Bold.ttf?url';
import { buildReportPdf } from './report-pdf.ts';
import type { ReportDocument } from './report-document.ts';
import { reportSheets } from './report-sheets.ts';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`font ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** report-<name>-<from>-<to>, safe for any file system, without the extension */
export function reportFileName(name: string, from: string, to: string): string {
  const safe = name
    .trim()
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .slice(0, 60);
  return `report-${safe || 'athlete'}-${from}-${to}`;
}

export async function downloadReportPdf(
  doc: ReportDocument,
  basename: string,
  now: number = Date.now(),
): Promise<void> {
  const [regular, bold] = await Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]);
  const bytes = await buildReportPdf(doc, { regular, bold }, now);
  downloadFile(bytes, `${basename}.pdf`, 'application/pdf');
}

export function downloadReportXlsx(doc: ReportDocument, basename: string): void {
  downloadFile(buildXlsx(reportSheets(doc)), `${basename}.xlsx`, XLSX_MIME);
}
