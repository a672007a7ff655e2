import { describe, expect, it } from 'vitest';
import {
  EMAIL_KINDS,
  emailAudience,
  emailEnabled,
  emailKindSchema,
  emailKindsFor,
} from './email-kinds.ts';

describe('email kinds', () => {
  it('are on unless a preference switches them off', () => {
    const rows = [{ kind: 'purchase_confirmation', enabled: false }];
    expect(emailEnabled(rows, 'purchase_confirmation')).toBe(false);
    expect(emailEnabled(rows, 'session_reminder')).toBe(true);
    expect(emailEnabled([], 'booking_confirmation')).toBe(true);
  });

  it('name exactly the kinds the database accepts', () => {
    expect(EMAIL_KINDS).toHaveLength(7);
    expect(emailKindSchema.safeParse('newsletter').success).toBe(false);
  });
});

describe('emailKindsFor', () => {
  it("offers staff every switch and others all but the coaches' booking notice", () => {
    expect(emailKindsFor(true)).toEqual([...EMAIL_KINDS]);
    expect(emailKindsFor(false)).not.toContain('booking_notification');
    expect(emailKindsFor(false)).toContain('booking_confirmation');
  });
});

describe('emailAudience', () => {
  it('is what the payload says, else the coach for a notice and the member otherwise', () => {
    expect(emailAudience('booking_confirmation', { audience: 'guest' })).toBe('guest');
    expect(emailAudience('booking_cancellation', { audience: 'coach' })).toBe('coach');
    expect(emailAudience('booking_notification', {})).toBe('coach');
    expect(emailAudience('session_reminder', { audience: 'someone' })).toBe('member');
  });
});
