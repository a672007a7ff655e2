import { describe, expect, it } from 'vitest';
import { sessionTurnout } from './session-turnout.ts';

describe('sessionTurnout', () => {
  it('counts the group before anyone is marked', () => {
    expect(sessionTurnout(['a', 'b', 'c'], [])).toEqual({ attended: 0, marked: 0, expected: 3 });
  });

  it('counts present and trial as attended, absent and excused as marked only', () => {
    expect(
      sessionTurnout(
        ['a', 'b', 'c', 'd'],
        [
          { athleteId: 'a', status: 'present' },
          { athleteId: 'b', status: 'trial' },
          { athleteId: 'c', status: 'absent' },
          { athleteId: 'd', status: 'excused' },
        ],
      ),
    ).toEqual({ attended: 2, marked: 4, expected: 4 });
  });

  it('adds a guest marked in the session, and skips cleared marks', () => {
    expect(
      sessionTurnout(
        ['a', 'b'],
        [
          { athleteId: 'guest', status: 'trial' },
          { athleteId: 'a', status: null },
        ],
      ),
    ).toEqual({ attended: 1, marked: 1, expected: 3 });
  });
});
