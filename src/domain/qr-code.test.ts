import { describe, expect, it } from 'vitest';
import {
  encodeQr,
  formatBits,
  penalty,
  qrPath,
  reedSolomon,
  versionBits,
  versionFor,
} from './qr-code.ts';

describe('reedSolomon', () => {
  it('gives the error correction codewords of the standard worked example (HELLO WORLD, 1-M)', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });
});

describe('format and version information', () => {
  it('matches the standard table for level M, masks 0–7', () => {
    expect(
      [0, 1, 2, 3, 4, 5, 6, 7].map((m) => formatBits(m).toString(2).padStart(15, '0')),
    ).toEqual([
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000',
    ]);
  });

  it('matches the standard table for versions 7–10', () => {
    expect([7, 8, 9, 10].map((v) => versionBits(v).toString(2).padStart(18, '0'))).toEqual([
      '000111110010010100',
      '001000010110111100',
      '001001101010011001',
      '001010010011010011',
    ]);
  });
});

describe('encodeQr', () => {
  it('picks the smallest version that holds the bytes, up to version 10', () => {
    expect(versionFor(14)).toBe(1);
    expect(versionFor(15)).toBe(2);
    expect(versionFor(213)).toBe(10);
    expect(versionFor(214)).toBeNull();
    expect(() => encodeQr('x'.repeat(214))).toThrow(RangeError);
    // an invitation link: UTF-8 bytes, not characters
    expect(encodeQr('https://trackside.example/invite/' + 'a'.repeat(43)).length).toBe(5 * 4 + 17);
    expect(encodeQr('ё'.repeat(7)).length).toBe(21);
    expect(encodeQr('ё'.repeat(8)).length).toBe(25);
  });

  it('draws finder patterns, timing, the dark module and the format bits where readers look', () => {
    const m = encodeQr('JUMP-FAST', 2);
    const size = m.length;
    const row = (y: number, from: number, to: number) =>
      m[y]
        ?.slice(from, to)
        .map((d) => (d ? 1 : 0))
        .join('');
    // the top-left finder and its light separator
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((y) => row(y, 0, 8))).toEqual([
      '11111110',
      '10000010',
      '10111010',
      '10111010',
      '10111010',
      '10000010',
      '11111110',
      '00000000',
    ]);
    expect(row(0, size - 7, size)).toBe('1111111');
    expect(row(size - 1, 0, 7)).toBe('1111111');
    expect(row(6, 8, size - 8)).toBe('10101'.padEnd(size - 16, '01').slice(0, size - 16));
    expect(m[size - 8]?.[8]).toBe(true);
    // format bits, first copy: row 8, columns 0–5 hold bits 14…9
    const bits = formatBits(2).toString(2).padStart(15, '0');
    expect(row(8, 0, 6)).toBe(bits.slice(0, 6));
  });

  it('chooses the mask with the lowest penalty', () => {
    const text = 'https://trackside.example/invite/abc';
    const scores = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => penalty(encodeQr(text, mask)));
    expect(penalty(encodeQr(text))).toBe(Math.min(...scores));
  });

  it('draws each dark module as a unit square inside the quiet zone', () => {
    expect(
      qrPath(
        [
          [true, false],
          [false, true],
        ],
        4,
      ),
    ).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
  });
});
