import { describe, expect, it } from 'vitest';
import { BOM, runsAsFormula, toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, separates with ; and ends every record with CRLF', () => {
    const csv = toCsv([
      ['Спортсмен', 'Группа', '%'],
      ['Петров Иван', 'Начинающие', 75],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.slice(1)).toBe('Спортсмен;Группа;%\r\nПетров Иван;Начинающие;75\r\n');
    // the BOM is the three bytes EF BB BF in UTF-8
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('quotes fields with the separator, quotes, CR or LF (RFC 4180) and leaves others alone', () => {
    const csv = toCsv([
      ['a;b', 'Клуб «Старт» "Юниор"', 'строка 1\nстрока 2', 'cr\r', 'plain, with comma', null, ''],
    ]);
    expect(csv.slice(1)).toBe(
      '"a;b";"Клуб «Старт» ""Юниор""";"строка 1\nстрока 2";"cr\r";plain, with comma;;\r\n',
    );
  });

  it('quotes commas when the separator is a comma', () => {
    expect(toCsv([['a,b', 'c']], { separator: ',' }).slice(1)).toBe('"a,b",c\r\n');
  });

  it('round-trips through an RFC 4180 reader', () => {
    const rows = [
      ['Ёлкина "Ёжик" Ксения', 'Пн 18:00, Ср 19:00', 'две\r\nстроки', ';;', '"'],
      ['', 'x', 'y', 'z', 'w'],
    ];
    expect(parseCsv(toCsv(rows).slice(1), ';')).toEqual(rows);
  });

  it('refuses a separator that would break the quoting', () => {
    expect(() => toCsv([['a']], { separator: '"' })).toThrow();
    expect(() => toCsv([['a']], { separator: ';;' })).toThrow();
  });

  it('writes text a spreadsheet would run as a formula as text, numbers as numbers', () => {
    const csv = toCsv([['=HYPERLINK("x")', '+7 900', '-1+2', '@me', 'Анна', -3]]);
    expect(csv).toBe(`${BOM}"'=HYPERLINK(""x"")";'+7 900;'-1+2;'@me;Анна;-3\r\n`);
  });

  it('leaves a lone sign (the register writes present as "+") and a signed number alone', () => {
    const csv = toCsv([['+', '-', 'н', '-3', '+2,5', '+1.5']]);
    expect(csv).toBe(`${BOM}+;-;н;-3;+2,5;+1.5\r\n`);
  });

  it('guards everything a spreadsheet would run, whatever follows the trigger', () => {
    const formulas = [
      '=1+1',
      '+A1',
      '-A1',
      '--1',
      '+-1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '=',
      '@',
      '+7(900)',
    ];
    expect(formulas.filter((f) => !runsAsFormula(f))).toEqual([]);
    expect(['+', '-', '12', '-12', '+1,5', 'Анна', ' =1', '1+1'].filter(runsAsFormula)).toEqual([]);
  });
});

/** a strict RFC 4180 reader, independent of the writer */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  return rows;
}
