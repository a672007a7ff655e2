import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RANKS,
  compareRanks,
  isRank,
  rankCategory,
  rankIndex,
  rankProgress,
  shortRankLabel,
  type Rank,
} from './rank.ts';
import { rankSchema } from './rank-schema.ts';

describe('RANKS', () => {
  it('are the ten values of seed 001, from none to МСМК', () => {
    expect(RANKS).toEqual([
      'Без разряда',
      'III юношеский разряд',
      'II юношеский разряд',
      'I юношеский разряд',
      'III взрослый разряд',
      'II взрослый разряд',
      'I взрослый разряд',
      'КМС',
      'МС',
      'МСМК',
    ]);
  });
});

describe('rankSchema', () => {
  it('accepts each rank and null', () => {
    for (const r of [...RANKS, null]) expect(rankSchema.safeParse(r).success).toBe(true);
  });

  it.each(['кмс', 'КМС ', ' МС', 'III юношеский', 'ЗМС', '', 'Без Разряда'])(
    'refuses %j',
    (value) => {
      expect(rankSchema.safeParse(value).success).toBe(false);
      expect(isRank(value)).toBe(false);
    },
  );

  it('says why in Russian', () => {
    const result = rankSchema.safeParse('ЗМС');
    expect(result.success ? null : result.error.issues[0]?.message).toBe('Недопустимый разряд');
  });
});

describe('compareRanks', () => {
  it('sorts any shuffle back into RANKS order, not set first', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...RANKS, null], { minLength: 11, maxLength: 11 }),
        (shuffled) => {
          expect([...shuffled].sort(compareRanks)).toEqual([null, ...RANKS]);
        },
      ),
    );
  });

  it('is an order: antisymmetric and transitive (property)', () => {
    const rank = fc.constantFrom<Rank | null>(...RANKS, null);
    fc.assert(
      fc.property(rank, rank, rank, (a, b, c) => {
        expect(Math.sign(compareRanks(a, b)) + Math.sign(compareRanks(b, a))).toBe(0);
        if (compareRanks(a, b) <= 0 && compareRanks(b, c) <= 0) {
          expect(compareRanks(a, c)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('puts youth ranks below adult ranks', () => {
    expect(compareRanks('I юношеский разряд', 'III взрослый разряд')).toBeLessThan(0);
    expect(compareRanks('МСМК', 'МС')).toBeGreaterThan(0);
    expect(rankIndex('Без разряда')).toBe(0);
    expect(rankIndex('МСМК')).toBe(9);
  });
});

describe('labels and progress', () => {
  it('groups ranks for badges and shortens them for chips', () => {
    expect(RANKS.map(rankCategory)).toEqual([
      'none',
      'youth',
      'youth',
      'youth',
      'adult',
      'adult',
      'adult',
      'elite',
      'elite',
      'elite',
    ]);
    expect(shortRankLabel('III юношеский разряд')).toBe('III юн.');
    expect(shortRankLabel('КМС')).toBe('КМС');
  });

  it('tells up, same or down when both ends are known', () => {
    expect(rankProgress('I юношеский разряд', 'III взрослый разряд')).toBe('up');
    expect(rankProgress('КМС', 'КМС')).toBe('same');
    expect(rankProgress('МС', 'КМС')).toBe('down');
    expect(rankProgress(null, 'КМС')).toBeNull();
  });
});
