import { describe, expect, it } from 'vitest';
import { EMAIL_KINDS, emailEnabled, emailKindSchema } from './email-kinds.ts';

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
