// Percentage rollouts of feature flags bucket by organization, never by person, so
// a whole club flips together: MurmurHash3 (x86, 32-bit, seed 0) of "key:org_id" in
// UTF-8, mod 100, as Unleash buckets a group. The database computes the same in
// private.flag_bucket (20261207140000_feature_flags.sql); a db test holds the two
// equal on 10,000 ids.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function rotl32(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3 x86_32 of the text's UTF-8 bytes, as an unsigned 32-bit integer */
export function murmur3x86_32(text: string, seed = 0): number {
  const bytes = new TextEncoder().encode(text);
  const at = (i: number): number => bytes[i] ?? 0;
  const blocks = bytes.length >>> 2;
  let h = seed >>> 0;
  for (let i = 0; i < blocks; i++) {
    const i4 = i * 4;
    let k = (at(i4) | (at(i4 + 1) << 8) | (at(i4 + 2) << 16) | (at(i4 + 3) << 24)) >>> 0;
    k = Math.imul(k, C1);
    k = rotl32(k, 15);
    k = Math.imul(k, C2);
    h ^= k;
    h = rotl32(h, 13);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = bytes.length & 3;
  if (tail > 0) {
    const i4 = blocks * 4;
    let k = 0;
    if (tail >= 3) k ^= at(i4 + 2) << 16;
    if (tail >= 2) k ^= at(i4 + 1) << 8;
    k ^= at(i4);
    k = Math.imul(k, C1);
    k = rotl32(k, 15);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= bytes.length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** an organization's bucket for a flag, 0–99: a rollout of n percent takes the buckets below n */
export function flagBucket(key: string, orgId: string): number {
  return murmur3x86_32(`${key}:${orgId.toLowerCase()}`) % 100;
}

/** whether a rollout of `percent` includes the organization */
export function inRollout(key: string, orgId: string, percent: number): boolean {
  return flagBucket(key, orgId) < percent;
}
