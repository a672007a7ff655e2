import { describe, expect, it } from 'vitest';
import { statusTone } from './status-tone.ts';

describe('statusTone', () => {
  it('colours good news green, waiting amber and cancellations red', () => {
    expect(statusTone('confirmed')).toBe('success');
    expect(statusTone('paid')).toBe('success');
    expect(statusTone('pending')).toBe('warning');
    expect(statusTone('cancelled_by_coach')).toBe('danger');
    expect(statusTone('canceled')).toBe('danger');
    expect(statusTone('failed')).toBe('danger');
  });

  it('leaves the past and the unknown neutral', () => {
    expect(statusTone('completed')).toBe('neutral');
    expect(statusTone('something-new')).toBe('neutral');
  });
});
