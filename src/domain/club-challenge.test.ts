import { describe, expect, it } from 'vitest';
import {
  canJoin,
  challengeDays,
  challengePhase,
  parseChallengeDraft,
  targetPercent,
} from './club-challenge.ts';

const draft = {
  title: '  Декабрь  ',
  metric: 'distance_km',
  target: ' 100 ',
  startsOn: '2026-12-01',
  endsOn: '2026-12-31',
};

describe('parseChallengeDraft()', () => {
  it('parseChallengeDraft() trims the title and reads the target as a number', () => {
    expect(parseChallengeDraft(draft)).toEqual({
      ok: true,
      value: {
        title: 'Декабрь',
        metric: 'distance_km',
        target: 100,
        startsOn: '2026-12-01',
        endsOn: '2026-12-31',
      },
    });
  });

  it('parseChallengeDraft() takes no target as null', () => {
    const r = parseChallengeDraft({ ...draft, target: '' });
    expect(r.ok && r.value.target).toBeNull();
  });

  it.each([
    [{ title: '   ' }, 'title', 'title'],
    [{ title: 'я'.repeat(121) }, 'title', 'title'],
    [{ title: 'a\u202eb' }, 'title', 'title'],
    [{ metric: 'steps' }, 'metric', 'metric'],
    [{ target: '0' }, 'target', 'target'],
    [{ target: '1.5' }, 'target', 'target'],
    [{ target: '100001' }, 'target', 'target'],
    [{ startsOn: '2026-02-30' }, 'startsOn', 'startsOn'],
    [{ endsOn: '2026-11-30' }, 'endsOn', 'endsBeforeStart'],
    [{ endsOn: '2027-12-02' }, 'endsOn', 'tooLong'],
  ])('parseChallengeDraft() refuses %j with %s: %s', (over, field, code) => {
    const r = parseChallengeDraft({ ...draft, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[field]).toBe(code);
  });

  it('parseChallengeDraft() takes a challenge of exactly 366 days, over a leap day', () => {
    expect(parseChallengeDraft({ ...draft, startsOn: '2028-01-01', endsOn: '2028-12-31' }).ok).toBe(
      true,
    );
    expect(challengeDays('2028-01-01', '2028-12-31')).toBe(366);
  });
});

describe('challengePhase()', () => {
  const c = { starts_on: '2026-12-01', ends_on: '2026-12-31' };
  it.each([
    ['2026-11-30', 'upcoming'],
    ['2026-12-01', 'running'],
    ['2026-12-31', 'running'],
    ['2027-01-01', 'over'],
  ])('challengePhase() on %s is %s', (today, phase) => {
    expect(challengePhase(c, today)).toBe(phase);
    expect(canJoin(c, today)).toBe(phase !== 'over');
  });
});

describe('targetPercent()', () => {
  it.each([
    [0, 100, 0],
    [42.2, 100, 42],
    [99.99, 100, 99],
    [150, 100, 100],
    [3, null, null],
  ])('targetPercent(%s, %s) is %s', (progress, target, percent) => {
    expect(targetPercent(progress, target)).toBe(percent);
  });
});
