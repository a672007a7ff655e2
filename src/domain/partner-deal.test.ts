import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './zoned-time.ts';

const at = (iso: string): number => parseTimestamp(iso) ?? Number.NaN;
import {
  PROSPECT_EMAIL_PATTERN,
  claimDaysLeft,
  effectiveDealStatus,
  isDealStatus,
} from './partner-deal.ts';

describe('partner deal', () => {
  const now = at('2026-12-06T12:00:00Z');

  it('counts whole days left on a claim', () => {
    expect(claimDaysLeft('2027-03-06T12:00:00Z', now)).toBe(90);
    expect(claimDaysLeft('2026-12-07T11:59:59Z', now)).toBe(0);
    expect(claimDaysLeft('2026-12-01T00:00:00Z', now)).toBe(0);
  });

  it('treats a claim past its end as expired before the hourly job', () => {
    expect(effectiveDealStatus('registered', '2026-12-06T12:00:00Z', now)).toBe('expired');
    expect(effectiveDealStatus('registered', '2026-12-06T12:00:01Z', now)).toBe('registered');
    expect(effectiveDealStatus('won', '2026-01-01T00:00:00Z', now)).toBe('won');
  });

  it('accepts the email shapes the table accepts', () => {
    expect(PROSPECT_EMAIL_PATTERN.test('info@sport-club.test')).toBe(true);
    expect(PROSPECT_EMAIL_PATTERN.test('no at sign')).toBe(false);
    expect(PROSPECT_EMAIL_PATTERN.test('a@b')).toBe(false);
    expect(isDealStatus('won')).toBe(true);
    expect(isDealStatus('open')).toBe(false);
  });
});
