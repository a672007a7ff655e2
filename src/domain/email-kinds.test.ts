import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, emailEnabled, emailKindSchema, emailKindsFor } from './email-kinds.ts';

describe('email kinds', () => {
  it('are on unless a preference switches them off', () => {
    const rows = [{ kind: 'purchase_confirmation', enabled: false }];
    expect(emailEnabled(rows, 'purchase_confirmation')).toBe(false);
    expect(emailEnabled(rows, 'session_reminder')).toBe(true);
    expect(emailEnabled([], 'booking_confirmation')).toBe(true);
  });

  it('name exactly the kinds the database accepts', () => {
    expect(EMAIL_KINDS).toHaveLength(5);
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
