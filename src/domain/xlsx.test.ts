import { crc32 as nodeCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildXlsx, columnName } from './xlsx.ts';
import { crc32, zipStore } from './zip-store.ts';

/** the entries of a zip, read from its central directory (stored entries only) */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    expect(view.getUint16(at + 10, true)).toBe(0); // stored
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const offset = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(view.getUint32(offset, true)).toBe(0x04034b50);
    const localName = view.getUint16(offset + 26, true);
    const localExtra = view.getUint16(offset + 28, true);
    const start = offset + 30 + localName + localExtra;
    const data = bytes.subarray(start, start + size);
    expect(nodeCrc32(data)).toBe(crc);
    files.set(name, decoder.decode(data));
    at += 46 + nameLength;
  }
  return files;
}

/** true when every tag is closed in order (a small well-formedness check) */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, selfClose] = m;
    if (selfClose) continue;
    if (close) {
      if (stack.pop() !== name) return false;
    } else stack.push(name ?? '');
  }
  return stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;|apos;)/.test(xml);
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** cell reference → value of a worksheet */
function cells(xml: string): Map<string, string | number> {
  const out = new Map<string, string | number>();
  for (const m of xml.matchAll(
    /<c r="([A-Z]+\d+)"[^>]*?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g,
  )) {
    const [, ref, num, text] = m;
    out.set(ref ?? '', num !== undefined ? Number(num) : unescape(text ?? ''));
  }
  return out;
}

describe('crc32 and zipStore', () => {
  it('computes the IEEE CRC-32 zlib does', () => {
    const data = new TextEncoder().encode('Посещаемость 123456789');
    expect(crc32(data)).toBe(nodeCrc32(data));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive a reader finds every entry in', () => {
    const files = unzip(
      zipStore([
        { name: 'a.txt', data: new TextEncoder().encode('один') },
        { name: 'dir/b.txt', data: new Uint8Array() },
      ]),
    );
    expect([...files]).toEqual([
      ['a.txt', 'один'],
      ['dir/b.txt', ''],
    ]);
  });
});

describe('buildXlsx', () => {
  const rows = [
    ['Спортсмен', 'Группа', 'Заметки', '%'],
    ['Петров Иван', 'Начинающие', 'Клуб «Старт» & <друзья> "Ёж"', 75],
    ['Смирнова Анна', null, 'две\nстроки', 0],
  ];

  it('is an Office Open XML package with the parts spreadsheet apps need', () => {
    const files = unzip(buildXlsx([{ name: 'Посещаемость', rows }]));
    expect([...files.keys()]).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/workbook.xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    for (const [name, xml] of files) expect(balanced(xml), name).toBe(true);
    expect(files.get('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"');
    expect(files.get('_rels/.rels')).toContain('Target="xl/workbook.xml"');
    expect(files.get('xl/workbook.xml')).toContain(
      '<sheet name="Посещаемость" sheetId="1" r:id="rId1"/>',
    );
    expect(files.get('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet1.xml"');
  });

  it('puts text and numbers in the right cells, header bold', () => {
    const sheet = unzip(buildXlsx([{ name: 'S', rows }])).get('xl/worksheets/sheet1.xml') ?? '';
    const c = cells(sheet);
    expect(c.get('A1')).toBe('Спортсмен');
    expect(c.get('D1')).toBe('%');
    expect(c.get('A2')).toBe('Петров Иван');
    expect(c.get('C2')).toBe('Клуб «Старт» & <друзья> "Ёж"');
    expect(c.get('D2')).toBe(75);
    expect(c.get('C3')).toBe('две\nстроки');
    expect(c.get('D3')).toBe(0);
    expect(c.has('B3')).toBe(false);
    expect(sheet).toMatch(/<c r="A1" s="1" t="inlineStr">/);
    expect(sheet).toContain('state="frozen"');
  });

  it('drops characters XML cannot carry and makes sheet names valid and unique', () => {
    const files = unzip(
      buildXlsx([
        { name: 'a/b:c*?[d]', rows: [['x\u0001y']] },
        { name: 'A/B:C*?[D]', rows: [] },
      ]),
    );
    expect(cells(files.get('xl/worksheets/sheet1.xml') ?? '').get('A1')).toBe('xy');
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="a b c   d" sheetId="1"');
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="A B C   D (2)" sheetId="2"');
  });

  it('names columns past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});
