// CSV for spreadsheets, written the way Russian-locale Excel opens it directly:
//
// - RFC 4180 quoting: a field containing the separator, a double quote, CR or LF
//   is wrapped in double quotes and its quotes are doubled; records end in CRLF;
// - `;` as the separator: Excel splits a CSV by the "list separator" of the
//   system's regional settings, which is `;` wherever `,` is the decimal mark
//   (Russia, most of Europe) — a comma-separated file opens there as one column;
// - a UTF-8 byte-order mark first: without it Excel reads the file in the
//   system's ANSI code page (Windows-1251) and the Cyrillic comes out garbled.
//   LibreOffice and Google Sheets accept the mark too;
// - text that a spreadsheet would run as a formula (starting with = + - @, a
//   tab or CR) gets a leading apostrophe (OWASP's CSV-injection advice): a
//   name typed as "=HYPERLINK(…)" must reach the sports school as text. Only
//   such text: a lone "+" or "-" (the register's own mark for "present") has
//   nothing to run and a signed number ("-3", "+2,5") is read as the number it
//   is, so both are written as they are — an apostrophe there is what the
//   sports school would see. Numbers are written as numbers.

export type Cell = string | number | null;

export interface CsvOptions {
  /** `;` unless told (see above) */
  separator?: string;
}

export const BOM = '\uFEFF';

/** whether a spreadsheet opening the text would run it as a formula */
export function runsAsFormula(text: string): boolean {
  if (!/^[=+\-@\t\r]/.test(text)) return false;
  // a sign alone, or a plain signed number, holds nothing to run
  return !/^[+-](?:[0-9]+(?:[.,][0-9]+)?)?$/.test(text);
}

function field(cell: Cell, separator: string): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : runsAsFormula(cell) ? `'${cell}` : cell;
  const needsQuotes =
    text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** a whole CSV document: BOM, records separated and terminated by CRLF */
export function toCsv(rows: readonly (readonly Cell[])[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  if (separator.length !== 1 || /["\r\n]/.test(separator)) {
    throw new RangeError(`not a usable separator: ${JSON.stringify(separator)}`);
  }
  return BOM + rows.map((r) => r.map((c) => field(c, separator)).join(separator) + '\r\n').join('');
}
