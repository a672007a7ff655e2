import { describe, expect, it } from 'vitest';
import { idsDigest } from './ids-digest.ts';

describe('idsDigest', () => {
  it('matches the server: sha256 of the sorted lowercase ids joined by commas', async () => {
    // select encode(sha256(convert_to('', 'UTF8')), 'hex')
    expect(await idsDigest([])).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const a = '00000000-0000-4000-b000-000000000001';
    const b = 'A0000000-0000-4000-B000-000000000002';
    expect(await idsDigest([b, a])).toBe(await idsDigest([a, b.toLowerCase()]));
    expect(await idsDigest([a])).not.toBe(await idsDigest([a, b]));
  });
});
