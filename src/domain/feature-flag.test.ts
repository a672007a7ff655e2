import { describe, expect, it } from 'vitest';
import {
  FLAG_RULE_KINDS,
  flagKeyInput,
  flagWhy,
  kindsWithoutRule,
  rolloutInput,
  sortFlags,
} from './feature-flag.ts';

describe('flagKeyInput()', () => {
  it.each([
    ['running_clubs', 'running_clubs'],
    ['  coaches ', 'coaches'],
    ['a1', 'a1'],
    ['x_', 'x_'],
    [`a${'b'.repeat(62)}`, `a${'b'.repeat(62)}`],
  ])('takes %j as %j', (raw, key) => {
    expect(flagKeyInput(raw)).toEqual({ ok: true, key });
  });

  it('says an empty key is empty', () => {
    expect(flagKeyInput('')).toEqual({ ok: false, problem: 'empty' });
    expect(flagKeyInput('   ')).toEqual({ ok: false, problem: 'empty' });
  });

  it.each([
    'a', // too short
    `a${'b'.repeat(63)}`, // 64 characters
    'Running_clubs',
    '1clubs',
    '_clubs',
    'running-clubs',
    'running clubs',
    'бег',
    'clu\u200bbs',
    'é_clubs',
  ])('refuses %j for its shape', (raw) => {
    expect(flagKeyInput(raw)).toEqual({ ok: false, problem: 'shape' });
  });
});

describe('rolloutInput()', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', 0],
    ['25', 25],
    [' 25 % ', 25],
    ['25%', 25],
    ['100', 100],
    ['007', 7],
  ])('reads %j as %j', (raw, percent) => {
    expect(rolloutInput(raw)).toEqual({ ok: true, percent });
  });

  it.each(['101', '-1', '2.5', '25,5', '%', 'half', '1e2', '٣'])('refuses %j', (raw) => {
    expect(rolloutInput(raw)).toEqual({ ok: false });
  });
});

describe('flagWhy()', () => {
  it.each([
    ['DEFAULT', 'default', 'default'],
    ['TARGETING_MATCH', 'override', 'override'],
    ['TARGETING_MATCH', 'kind', 'kind'],
    ['TARGETING_MATCH', 'something', 'unknown'],
    ['SPLIT', 'rollout_in', 'rollout_in'],
    ['SPLIT', 'rollout_out', 'rollout_out'],
    ['DISABLED', 'retired', 'retired'],
    ['ERROR', null, 'not_found'],
    [null, null, 'unknown'],
    ['STATIC', null, 'unknown'],
  ] as const)('reads %s / %s as %s', (reason, variant, why) => {
    expect(flagWhy(reason, variant)).toBe(why);
  });
});

describe('kindsWithoutRule()', () => {
  it('offers every kind a rule may name when there is none', () => {
    expect(kindsWithoutRule([])).toEqual([...FLAG_RULE_KINDS]);
  });

  it('leaves out the kinds that have one, keeping the order', () => {
    expect(kindsWithoutRule(['school', 'platform', 'club'])).toEqual([
      'coach_business',
      'race',
      'timing_company',
      'reseller',
      'partner',
    ]);
  });
});

describe('sortFlags()', () => {
  it('puts flags in use first, then retired ones, each by key', () => {
    const flags = [
      { key: 'race_partnerships', retired_at: null },
      { key: 'leaderboards', retired_at: '2026-12-01T00:00:00Z' },
      { key: 'coaches', retired_at: null },
      { key: 'beta_search', retired_at: '2026-11-01T00:00:00Z' },
      { key: 'running_clubs', retired_at: null },
    ];
    expect(sortFlags(flags).map((f) => f.key)).toEqual([
      'coaches',
      'race_partnerships',
      'running_clubs',
      'beta_search',
      'leaderboards',
    ]);
  });
});
