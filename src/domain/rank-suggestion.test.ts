import { describe, expect, it } from 'vitest';
import {
  ageOn,
  meetsNorm,
  suggestRank,
  type AthleteFacts,
  type ResultToJudge,
} from './rank-suggestion.ts';
import { evsk2017Norms } from './evsk-norms-2017.ts';

const norms = evsk2017Norms();
const man: AthleteFacts = { sex: 'male', birthDate: '2004-05-10', currentRank: null };

function result(over: Partial<ResultToJudge>): ResultToJudge {
  return {
    competed_on: '2019-06-15',
    discipline: '100m',
    result_kind: 'time',
    value: 12,
    timing: 'auto',
    venue: 'outdoor',
    level: 'regional',
    ...over,
  };
}

describe('suggestRank at every shipped boundary', () => {
  for (const n of norms) {
    const base = {
      discipline: n.discipline,
      timing: n.timing,
      venue: n.venue,
      competed_on: '2019-06-15',
      level: 'international',
    };
    it(`${n.discipline} ${n.timing} ${n.venue}: exactly ${n.threshold} meets ${n.rank}`, () => {
      const s = suggestRank(result({ ...base, value: n.threshold }), man, norms);
      expect(s.kind).toBe('meets');
      if (s.kind === 'meets') expect(s.rank).toBe(n.rank);
    });
    it(`${n.discipline} ${n.timing} ${n.venue}: ${n.threshold} + 0.01 does not meet ${n.rank}`, () => {
      const slower = Math.round(n.threshold * 100 + 1) / 100;
      const s = suggestRank(result({ ...base, value: slower }), man, norms);
      expect(s.kind === 'meets' && s.rank === n.rank).toBe(false);
    });
  }
});

describe('suggestRank', () => {
  it('the example: 10.94 auto meets КМС, needs a regional competition and I разряд', () => {
    const s = suggestRank(result({ value: 10.94, level: 'city' }), man, norms);
    expect(s).toMatchObject({
      kind: 'meets',
      rank: 'КМС',
      alreadyHeld: false,
      conditions: [
        { kind: 'level', level: 'regional', met: false },
        { kind: 'rank', rank: 'I взрослый разряд', met: false },
      ],
    });
  });

  it('holding I разряд meets the rank condition for КМС', () => {
    const s = suggestRank(
      result({ value: 10.9 }),
      { ...man, currentRank: 'I взрослый разряд' },
      norms,
    );
    expect(s).toMatchObject({
      kind: 'meets',
      conditions: [
        { kind: 'level', met: true },
        { kind: 'rank', met: true },
      ],
    });
  });

  it('hand timing is judged by hand norms only: 11.0 hand is I, while 10.28 hand is only КМС (no hand МС column)', () => {
    expect(suggestRank(result({ value: 10.7, timing: 'hand' }), man, norms)).toMatchObject({
      rank: 'КМС',
    });
    expect(suggestRank(result({ value: 10.7, timing: 'auto' }), man, norms)).toMatchObject({
      rank: 'КМС',
    });
    expect(suggestRank(result({ value: 11.0, timing: 'hand' }), man, norms)).toMatchObject({
      rank: 'I взрослый разряд',
    });
    expect(suggestRank(result({ value: 10.28, timing: 'hand' }), man, norms)).toMatchObject({
      rank: 'КМС',
    });
  });

  it('says it cannot suggest when the sex is unknown', () => {
    expect(suggestRank(result({}), { ...man, sex: null }, norms)).toEqual({
      kind: 'cannot',
      reason: 'sex_unknown',
    });
  });

  it('says there are no norms for a discipline, sex or variant not shipped', () => {
    expect(
      suggestRank(
        result({ discipline: 'long_jump', result_kind: 'distance', timing: null }),
        man,
        norms,
      ),
    ).toEqual({ kind: 'cannot', reason: 'no_norms_discipline' });
    expect(suggestRank(result({}), { ...man, sex: 'female' }, norms)).toEqual({
      kind: 'cannot',
      reason: 'no_norms_variant',
    });
    expect(suggestRank(result({ venue: 'indoor' }), man, norms)).toEqual({
      kind: 'cannot',
      reason: 'no_norms_variant',
    });
  });

  it('an edition applies only to results within its validity', () => {
    expect(suggestRank(result({ competed_on: '2024-06-01' }), man, norms)).toMatchObject({
      kind: 'cannot',
      reason: 'no_norms_date',
      editions: [{ validFrom: '2017-01-01', validTo: '2023-03-15' }],
    });
    expect(suggestRank(result({ competed_on: '2023-03-15' }), man, norms).kind).toBe('meets');
    expect(suggestRank(result({ competed_on: '2016-12-31' }), man, norms).kind).toBe('cannot');
  });

  it('slower than the lowest norm says so', () => {
    expect(suggestRank(result({ value: 15.65 }), man, norms)).toMatchObject({
      kind: 'below',
      lowest: 'III юношеский разряд',
      threshold: 15.64,
    });
  });

  it('a rank already held is marked as such', () => {
    const s = suggestRank(
      result({ value: 12.0 }),
      { ...man, currentRank: 'I взрослый разряд' },
      norms,
    );
    expect(s).toMatchObject({ kind: 'meets', rank: 'II взрослый разряд', alreadyHeld: true });
  });

  it('a minimum age is checked on the competition date, unknown without a birth date', () => {
    const aged = norms.map((n) => ({ ...n, min_age: 14 }));
    const s = suggestRank(result({ value: 13.0, competed_on: '2018-05-09' }), man, aged);
    expect(s).toMatchObject({ conditions: [{ kind: 'age', minAge: 14, met: false }] });
    const t = suggestRank(result({ value: 13.0, competed_on: '2018-05-10' }), man, aged);
    expect(t).toMatchObject({ conditions: [{ kind: 'age', minAge: 14, met: true }] });
    const u = suggestRank(result({ value: 13.0 }), { ...man, birthDate: null }, aged);
    expect(u).toMatchObject({ conditions: [{ kind: 'age', met: null }] });
  });
});

describe('meetsNorm and ageOn', () => {
  it('compares distances the other way, to the centimetre', () => {
    expect(meetsNorm('distance', 7.45, 7.45)).toBe(true);
    expect(meetsNorm('distance', 7.44, 7.45)).toBe(false);
    expect(meetsNorm('time', 0.1 + 0.2, 0.3)).toBe(true);
  });
  it('counts full years', () => {
    expect(ageOn('2004-05-10', '2018-05-09')).toBe(13);
    expect(ageOn('2004-05-10', '2018-05-10')).toBe(14);
    expect(ageOn('2004-02-29', '2005-02-28')).toBe(0);
  });
});
