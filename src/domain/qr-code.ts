// A QR Code (ISO/IEC 18004) for an invitation's link or code, drawn on the
// device, so sharing works offline and no third party sees the invitation. Only
// what that needs: byte mode (UTF-8), error correction level M (15 % of the
// symbol may be damaged or covered), versions 1–10 (up to 213 bytes; a link is
// under 120). The construction follows the standard step by step: data bits,
// Reed–Solomon error correction per block, interleaving, function patterns,
// the zig-zag placement, and of the eight masks the one with the lowest
// penalty. Pure: no clock, no DOM.

/** per version 1–10 at level M: EC codewords per block and the block groups [count, data codewords] */
const BLOCKS_M: readonly { ec: number; groups: readonly (readonly [number, number])[] }[] = [
  { ec: 10, groups: [[1, 16]] },
  { ec: 16, groups: [[1, 28]] },
  { ec: 26, groups: [[1, 44]] },
  { ec: 18, groups: [[2, 32]] },
  { ec: 24, groups: [[2, 43]] },
  { ec: 16, groups: [[4, 27]] },
  { ec: 18, groups: [[4, 31]] },
  {
    ec: 22,
    groups: [
      [2, 38],
      [2, 39],
    ],
  },
  {
    ec: 22,
    groups: [
      [3, 36],
      [2, 37],
    ],
  },
  {
    ec: 26,
    groups: [
      [4, 43],
      [1, 44],
    ],
  },
];

/** alignment pattern centres per version 1–10 */
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

export const QR_MAX_VERSION = BLOCKS_M.length;

/** a square of modules, true = dark, row by row; no quiet zone */
export type QrMatrix = boolean[][];

// --- Reed–Solomon over GF(256), polynomial x^8 + x^4 + x^3 + x^2 + 1 ----------------------------

function gfMultiply(x: number, y: number): number {
  let z = 0;
  for (let i = 7; i >= 0; i--) {
    z = (z << 1) ^ ((z >>> 7) * 0x11d);
    z ^= ((y >>> i) & 1) * x;
  }
  return z & 0xff;
}

/** the generator polynomial of the given degree, highest coefficient (1) left out */
function rsDivisor(degree: number): number[] {
  const result = new Array<number>(degree).fill(0);
  result[degree - 1] = 1;
  let root = 1;
  for (let i = 0; i < degree; i++) {
    for (let j = 0; j < degree; j++) {
      result[j] = gfMultiply(result[j] ?? 0, root) ^ (j + 1 < degree ? (result[j + 1] ?? 0) : 0);
    }
    root = gfMultiply(root, 0x02);
  }
  return result;
}

/** the error correction codewords of one block of data codewords */
export function reedSolomon(data: readonly number[], ecLength: number): number[] {
  const divisor = rsDivisor(ecLength);
  const result = new Array<number>(ecLength).fill(0);
  for (const b of data) {
    const factor = b ^ (result.shift() ?? 0);
    result.push(0);
    divisor.forEach((coefficient, i) => {
      result[i] = (result[i] ?? 0) ^ gfMultiply(coefficient, factor);
    });
  }
  return result;
}

// --- format and version information ---------------------------------------------------------------

/** the 15 format bits for level M and a mask (BCH(15,5), then XOR 101010000010010) */
export function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask; // level M is 00
  let rem = data;
  for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
  return ((data << 10) | rem) ^ 0x5412;
}

/** the 18 version bits (version 7 and up): BCH(18,6) */
export function versionBits(version: number): number {
  let rem = version;
  for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
  return (version << 12) | rem;
}

// --- data ---------------------------------------------------------------------------------------

function dataCapacity(version: number): number {
  const table = BLOCKS_M[version - 1];
  return table ? table.groups.reduce((n, [count, size]) => n + count * size, 0) : 0;
}

/** the data codewords: byte mode, count, the bytes, terminator, padding */
function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const capacityBits = dataCapacity(version) * 8;
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacityBits - bits.length));
  put(0, (8 - (bits.length % 8)) % 8);
  const words: number[] = [];
  for (let i = 0; i < bits.length; i += 8) {
    words.push(bits.slice(i, i + 8).reduce((n, bit) => (n << 1) | bit, 0));
  }
  for (let pad = 0xec; words.length < capacityBits / 8; pad ^= 0xec ^ 0x11) words.push(pad);
  return words;
}

/** data and error correction codewords, block by block, interleaved as the symbol holds them */
function allCodewords(data: readonly number[], version: number): number[] {
  const table = BLOCKS_M[version - 1];
  if (!table) throw new RangeError(`no QR version ${version}`);
  const blocks: { data: number[]; ec: number[] }[] = [];
  let k = 0;
  for (const [count, size] of table.groups) {
    for (let i = 0; i < count; i++) {
      const block = data.slice(k, k + size);
      k += size;
      blocks.push({ data: block, ec: reedSolomon(block, table.ec) });
    }
  }
  const out: number[] = [];
  const longest = Math.max(...blocks.map((b) => b.data.length));
  for (let i = 0; i < longest; i++)
    for (const b of blocks) if (i < b.data.length) out.push(b.data[i] ?? 0);
  for (let i = 0; i < table.ec; i++) for (const b of blocks) out.push(b.ec[i] ?? 0);
  return out;
}

// --- the symbol ---------------------------------------------------------------------------------

class QrSymbol {
  readonly size: number;
  readonly dark: boolean[][];
  readonly reserved: boolean[][];

  constructor(readonly version: number) {
    this.size = version * 4 + 17;
    this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () =>
      new Array<boolean>(this.size).fill(false),
    );
    this.drawFunctionPatterns();
  }

  /** x is the column, y the row */
  set(x: number, y: number, dark: boolean): void {
    const row = this.dark[y];
    const reserved = this.reserved[y];
    if (!row || !reserved || x < 0 || x >= this.size) return;
    row[x] = dark;
    reserved[x] = true;
  }

  private drawFunctionPatterns(): void {
    const size = this.size;
    for (let i = 0; i < size; i++) {
      this.set(6, i, i % 2 === 0);
      this.set(i, 6, i % 2 === 0);
    }
    for (const [cx, cy] of [
      [3, 3],
      [size - 4, 3],
      [3, size - 4],
    ] as const) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const distance = Math.max(Math.abs(dx), Math.abs(dy));
          const x = cx + dx;
          const y = cy + dy;
          if (x >= 0 && x < size && y >= 0 && y < size)
            this.set(x, y, distance !== 2 && distance !== 4);
        }
      }
    }
    const centres = ALIGNMENT[this.version - 1] ?? [];
    const last = centres.length - 1;
    centres.forEach((cx, i) =>
      centres.forEach((cy, j) => {
        // the three corners hold finder patterns
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) {
            this.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
          }
        }
      }),
    );
    // reserved now, written for real once the mask is chosen
    this.drawFormat(0);
    if (this.version >= 7) {
      const bits = versionBits(this.version);
      for (let i = 0; i < 18; i++) {
        const bit = ((bits >>> i) & 1) === 1;
        const a = size - 11 + (i % 3);
        const b = Math.floor(i / 3);
        this.set(a, b, bit);
        this.set(b, a, bit);
      }
    }
  }

  drawFormat(mask: number): void {
    const size = this.size;
    const bits = formatBits(mask);
    const bit = (i: number) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
    this.set(8, 7, bit(6));
    this.set(8, 8, bit(7));
    this.set(7, 8, bit(8));
    for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
    for (let i = 0; i < 8; i++) this.set(size - 1 - i, 8, bit(i));
    for (let i = 8; i < 15; i++) this.set(8, size - 15 + i, bit(i));
    // the dark module
    this.set(8, size - 8, true);
  }

  /** the codewords in the two-column zig-zag from the bottom right, around the function patterns */
  drawCodewords(codewords: readonly number[]): void {
    const size = this.size;
    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let vert = 0; vert < size; vert++) {
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const upward = ((right + 1) & 2) === 0;
          const y = upward ? size - 1 - vert : vert;
          const row = this.dark[y];
          if (!row || this.reserved[y]?.[x]) continue;
          // past the last codeword: the remainder bits, light
          row[x] =
            i < codewords.length * 8 && (((codewords[i >>> 3] ?? 0) >>> (7 - (i & 7))) & 1) === 1;
          i++;
        }
      }
    }
  }

  /** flips the data modules where the mask's condition holds (applying it twice undoes it) */
  applyMask(mask: number): void {
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        const row = this.dark[y];
        if (!row || this.reserved[y]?.[x]) continue;
        if (maskHolds(mask, x, y)) row[x] = !row[x];
      }
    }
  }
}

function maskHolds(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0;
    case 1:
      return y % 2 === 0;
    case 2:
      return x % 3 === 0;
    case 3:
      return (x + y) % 3 === 0;
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    default:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
  }
}

/** the standard's four penalty rules: long runs, 2×2 blocks, finder look-alikes, dark balance */
export function penalty(m: QrMatrix): number {
  const size = m.length;
  const at = (x: number, y: number, transposed: boolean) =>
    (transposed ? m[x]?.[y] : m[y]?.[x]) === true;
  let score = 0;
  const finderLike = [true, false, true, true, true, false, true];
  for (const transposed of [false, true]) {
    for (let y = 0; y < size; y++) {
      let run = 1;
      for (let x = 1; x <= size; x++) {
        if (x < size && at(x, y, transposed) === at(x - 1, y, transposed)) {
          run++;
          continue;
        }
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
      }
      for (let x = 0; x + 7 <= size; x++) {
        if (!finderLike.every((dark, k) => at(x + k, y, transposed) === dark)) continue;
        const lightBefore = [1, 2, 3, 4].every((k) => x - k < 0 || !at(x - k, y, transposed));
        const lightAfter = [7, 8, 9, 10].every((k) => x + k >= size || !at(x + k, y, transposed));
        if (lightBefore) score += 40;
        if (lightAfter) score += 40;
      }
    }
  }
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = at(x, y, false);
      if (at(x + 1, y, false) === c && at(x, y + 1, false) === c && at(x + 1, y + 1, false) === c)
        score += 3;
    }
  }
  const dark = m.reduce((n, row) => n + row.filter(Boolean).length, 0);
  const total = size * size;
  score += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
  return score;
}

/** the smallest version (1–10) whose level-M capacity holds this many bytes, or null */
export function versionFor(byteLength: number): number | null {
  for (let version = 1; version <= QR_MAX_VERSION; version++) {
    const headerBits = 4 + (version < 10 ? 8 : 16);
    if (headerBits + byteLength * 8 <= dataCapacity(version) * 8) return version;
  }
  return null;
}

/**
 * The QR Code of a text (UTF-8, byte mode, level M), with the mask of lowest
 * penalty, or `mask` when given (tests). Throws a RangeError past 213 bytes.
 */
export function encodeQr(text: string, mask?: number): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  const version = versionFor(bytes.length);
  if (version === null) throw new RangeError(`too long for a QR code here: ${bytes.length} bytes`);
  const symbol = new QrSymbol(version);
  symbol.drawCodewords(allCodewords(dataCodewords(bytes, version), version));
  const masks = mask === undefined ? [0, 1, 2, 3, 4, 5, 6, 7] : [mask];
  let best = masks[0] ?? 0;
  let bestScore = Infinity;
  if (masks.length > 1) {
    for (const m of masks) {
      symbol.applyMask(m);
      symbol.drawFormat(m);
      const score = penalty(symbol.dark);
      if (score < bestScore) {
        best = m;
        bestScore = score;
      }
      symbol.applyMask(m);
    }
  }
  symbol.applyMask(best);
  symbol.drawFormat(best);
  return symbol.dark.map((row) => [...row]);
}

/** an SVG path of the dark modules, one unit each, offset by a quiet zone of `margin` */
export function qrPath(m: QrMatrix, margin = 4): string {
  const parts: string[] = [];
  m.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) parts.push(`M${x + margin} ${y + margin}h1v1h-1z`);
    }),
  );
  return parts.join('');
}
