import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './zoned-time.ts';

const at = (iso: string): number => parseTimestamp(iso) ?? Number.NaN;
import {
  REFERRAL_KEEP_MS,
  normalizeReferralCode,
  pendingReferralCode,
  referralFromSearch,
  referralLink,
} from './referral-code.ts';

describe('referral code', () => {
  it('reads a code from a link, whatever its case', () => {
    expect(referralFromSearch('?ref=ab12cd34')).toBe('AB12CD34');
    expect(referralFromSearch('?x=1&ref=%20AB12CD34%20')).toBe('AB12CD34');
    expect(referralFromSearch('?ref=short')).toBeNull();
    expect(referralFromSearch('?ref=AB12-D34')).toBeNull();
    expect(referralFromSearch('')).toBeNull();
    expect(normalizeReferralCode(null)).toBeNull();
  });

  it('keeps a code from a link for 30 days, then forgets it', () => {
    const savedAt = at('2026-12-01T00:00:00Z');
    const stored = { code: 'AB12CD34', savedAt };
    expect(pendingReferralCode(stored, savedAt + 1000)).toBe('AB12CD34');
    expect(pendingReferralCode(stored, savedAt + REFERRAL_KEEP_MS)).toBe('AB12CD34');
    expect(pendingReferralCode(stored, savedAt + REFERRAL_KEEP_MS + 1)).toBeNull();
    // a clock set back, or something else in storage
    expect(pendingReferralCode(stored, savedAt - 1)).toBeNull();
    expect(pendingReferralCode('AB12CD34', savedAt)).toBeNull();
    expect(pendingReferralCode({ code: 'nope', savedAt }, savedAt)).toBeNull();
    expect(pendingReferralCode(null, savedAt)).toBeNull();
  });

  it('builds the link a partner shares', () => {
    expect(referralLink('https://app.trackside.test/', 'AB12CD34')).toBe(
      'https://app.trackside.test/?ref=AB12CD34',
    );
  });
});
