import { describe, expect, it } from 'vitest';
import { keepChosen, planGroupMove } from './group-move.ts';

const athletes = [
  { id: 'a', groupId: 'g1' },
  { id: 'b', groupId: 'g2' },
  { id: 'c', groupId: null },
  { id: 'd', groupId: 'g1' },
];

describe('planGroupMove', () => {
  it('moves the chosen athletes not yet in the group, in roster order', () => {
    expect(planGroupMove(athletes, new Set(['d', 'b', 'c']), 'g1')).toEqual({
      move: ['b', 'c'],
      already: 1,
    });
  });

  it('nothing chosen, nothing moved', () => {
    expect(planGroupMove(athletes, new Set(), 'g2')).toEqual({ move: [], already: 0 });
  });

  it('ignores chosen ids the roster does not hold', () => {
    expect(planGroupMove(athletes, new Set(['gone', 'a']), 'g2')).toEqual({
      move: ['a'],
      already: 0,
    });
  });
});

describe('keepChosen', () => {
  it('keeps only the chosen athletes still shown', () => {
    expect([...keepChosen(new Set(['a', 'b']), ['b', 'c'])]).toEqual(['b']);
  });
});
