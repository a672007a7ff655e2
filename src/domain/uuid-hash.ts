// PostgreSQL's uuid_hash_extended(id, 0): Bob Jenkins' lookup3 over the uuid's 16
// bytes, as hash_bytes_extended in src/common/hashfn.c computes it on a
// little-endian server (every platform Supabase runs on). Hash partitioning keys
// rows by these values, so PostgreSQL keeps them stable across versions. The sync
// access digest XORs them over a table's visible ids: order-free, so neither side
// sorts, and a device can update it one id at a time.

function rot(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

// hex digit values by char code; -1 for anything else
const hexValue = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  hexValue['0123456789abcdef'.charCodeAt(i)] = i;
  hexValue['0123456789ABCDEF'.charCodeAt(i)] = i;
}
const dashes = [8, 13, 18, 23];

/**
 * The uuid's 16 bytes as four little-endian 32-bit words, or null when `id` is not
 * a uuid (36 characters with dashes, or 32 without). Parsed by hand: a device
 * hashes every id it holds when it first checks a table.
 */
function words(id: string): Uint32Array | null {
  const dashed = id.length === 36;
  if (!dashed && id.length !== 32) return null;
  const out = new Uint32Array(4);
  let nibble = 0;
  for (let i = 0; i < id.length; i++) {
    const code = id.charCodeAt(i);
    if (dashed && dashes.includes(i)) {
      if (code !== 45) return null; // '-'
      continue;
    }
    const v = code < 128 ? (hexValue[code] ?? -1) : -1;
    if (v < 0) return null;
    // byte k = nibble >> 1 goes to word k >> 2 at bit 8 × (k & 3); high nibble first
    const k = nibble >> 1;
    const shift = 8 * (k & 3) + (nibble & 1 ? 0 : 4);
    out[k >> 2] = (out[k >> 2] ?? 0) | (v << shift);
    nibble++;
  }
  return out;
}

/** uuid_hash_extended(id, 0) as its high and low 32 bits (unsigned) */
export function uuidHash(id: string): [hi: number, lo: number] {
  const hash = uuidHashOrNull(id);
  if (!hash) throw new Error(`not a uuid: ${id}`);
  return hash;
}

/** uuidHash, or null when `id` is not a uuid */
export function uuidHashOrNull(id: string): [hi: number, lo: number] | null {
  const w = words(id);
  if (!w) return null;
  const w0 = w[0] ?? 0;
  const w1 = w[1] ?? 0;
  const w2 = w[2] ?? 0;
  const w3 = w[3] ?? 0;
  // initial state: 0x9e3779b9 + key length (16) + 3923095; the seed 0 adds nothing
  let a = (0x9e3779b9 + 16 + 3923095) >>> 0;
  let b = a;
  let c = a;
  // one 12-byte block
  a = (a + w0) >>> 0;
  b = (b + w1) >>> 0;
  c = (c + w2) >>> 0;
  // mix(a, b, c)
  a = (a - c) >>> 0;
  a = (a ^ rot(c, 4)) >>> 0;
  c = (c + b) >>> 0;
  b = (b - a) >>> 0;
  b = (b ^ rot(a, 6)) >>> 0;
  a = (a + c) >>> 0;
  c = (c - b) >>> 0;
  c = (c ^ rot(b, 8)) >>> 0;
  b = (b + a) >>> 0;
  a = (a - c) >>> 0;
  a = (a ^ rot(c, 16)) >>> 0;
  c = (c + b) >>> 0;
  b = (b - a) >>> 0;
  b = (b ^ rot(a, 19)) >>> 0;
  a = (a + c) >>> 0;
  c = (c - b) >>> 0;
  c = (c ^ rot(b, 4)) >>> 0;
  b = (b + a) >>> 0;
  // the last 4 bytes
  a = (a + w3) >>> 0;
  // final(a, b, c)
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 14)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rot(c, 11)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rot(a, 25)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 16)) >>> 0;
  a = (a ^ c) >>> 0;
  a = (a - rot(c, 4)) >>> 0;
  b = (b ^ a) >>> 0;
  b = (b - rot(a, 14)) >>> 0;
  c = (c ^ b) >>> 0;
  c = (c - rot(b, 24)) >>> 0;
  return [b, c];
}

/** 16 lowercase hex digits of a 64-bit value given as two unsigned halves */
export function hex64(hi: number, lo: number): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
