import { describe, expect, it } from 'vitest';
import { flagBucket, inRollout, murmur3x86_32 } from './flag-bucket.ts';

describe('murmur3x86_32', () => {
  // the reference implementation's published values (SMHasher / its common test vectors)
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['', 0xffffffff, 0x81f16f39],
    ['test', 0, 0xba6bd213],
    ['Hello, world!', 1234, 0xfaf6cdb3],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['aaaa', 0x9747b28c, 0x5a97808a],
    ['abc', 0, 0xb3dd93fa],
  ])('hashes %j with seed %i to the reference value', (text, seed, expected) => {
    expect(murmur3x86_32(text, seed)).toBe(expected);
  });

  it('hashes the UTF-8 bytes, so Cyrillic is stable', () => {
    expect(murmur3x86_32('Стрела')).toBe(murmur3x86_32('Стрела'));
    expect(murmur3x86_32('Стрела')).not.toBe(murmur3x86_32('Cтрела'));
  });
});

describe('flagBucket', () => {
  const org = 'd1000000-0000-4000-8000-000000000001';

  it('gives each organization one bucket from 0 to 99, whatever the case of its id', () => {
    const bucket = flagBucket('running_clubs', org);
    expect(bucket).toBeGreaterThanOrEqual(0);
    expect(bucket).toBeLessThan(100);
    expect(flagBucket('running_clubs', org.toUpperCase())).toBe(bucket);
  });

  it('takes none at 0 %, all at 100 %, and grows monotonically in between', () => {
    expect(inRollout('running_clubs', org, 0)).toBe(false);
    expect(inRollout('running_clubs', org, 100)).toBe(true);
    const bucket = flagBucket('running_clubs', org);
    expect(inRollout('running_clubs', org, bucket)).toBe(false);
    expect(inRollout('running_clubs', org, bucket + 1)).toBe(true);
  });

  it('spreads organizations evenly, and independently per flag', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => {
      const hex = i.toString(16).padStart(12, '0');
      return `00000000-0000-4000-8000-${hex}`;
    });
    const counts = new Array<number>(100).fill(0);
    for (const id of ids) {
      const b = flagBucket('running_clubs', id);
      counts[b] = (counts[b] ?? 0) + 1;
    }
    expect(Math.min(...counts)).toBeGreaterThan(60);
    expect(Math.max(...counts)).toBeLessThan(140);
    const same = ids.filter((id) => flagBucket('running_clubs', id) === flagBucket('coaches', id));
    expect(same.length).toBeLessThan(300);
  });
});
