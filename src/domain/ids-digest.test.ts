import { describe, expect, it } from 'vitest';
import { IdsDigest, idsDigest } from './ids-digest.ts';

const a = '00000000-0000-4000-b000-000000000001';
const b = 'A0000000-0000-4000-B000-000000000002';

describe('idsDigest', () => {
  it('is zero for no ids, and ignores order and case', () => {
    expect(idsDigest([])).toBe('0000000000000000');
    expect(idsDigest([b, a])).toBe(idsDigest([a, b.toLowerCase()]));
    expect(idsDigest([a])).not.toBe(idsDigest([a, b]));
  });

  it('never matches the server when a local id is not a uuid', () => {
    expect(idsDigest([a, 'not-a-uuid'])).not.toBe(idsDigest([a]));
  });

  it('undoes an id toggled twice, so a device can follow adds and removals', () => {
    const d = new IdsDigest();
    d.toggle(a);
    d.toggle(b);
    d.toggle(a);
    expect(d.value).toBe(idsDigest([b]));
  });
});
