import { describe, expect, it } from 'vitest';
import { groupsOfOrganization, isOfferedGroup, newAthleteDefaults } from './new-athlete.ts';

const start = 'org-start';
const strela = 'org-strela';
// as the device lists them: by name, every club's groups the user may use
const groups = [
  { id: 'beginners', orgId: start, name: 'Начинающие' },
  { id: 'sprint', orgId: start, name: 'Спринт' },
  { id: 'stayers', orgId: strela, name: 'Стайеры' },
];

describe('the new-athlete form', () => {
  it('offers the current organization’s groups only', () => {
    expect(groupsOfOrganization(groups, start).map((g) => g.id)).toEqual(['beginners', 'sprint']);
    expect(groupsOfOrganization(groups, strela).map((g) => g.id)).toEqual(['stayers']);
    expect(groupsOfOrganization(groups, null)).toEqual([]);
  });

  it('starts with the group the coach was viewing and the current season', () => {
    const offered = groupsOfOrganization(groups, start);
    expect(newAthleteDefaults(offered, 'sprint', '2026-2027')).toEqual({
      group_id: 'sprint',
      season: '2026-2027',
    });
    // viewing every group, or a group of another club: the first one offered
    expect(newAthleteDefaults(offered, null, '2026-2027').group_id).toBe('beginners');
    expect(newAthleteDefaults(offered, 'stayers', '2026-2027').group_id).toBe('beginners');
    expect(newAthleteDefaults([], 'sprint', '2026-2027')).toEqual({
      group_id: '',
      season: '2026-2027',
    });
  });

  it('saves only a group on offer, or none for those who may leave an athlete ungrouped', () => {
    const offered = groupsOfOrganization(groups, start);
    expect(isOfferedGroup(offered, 'sprint', false)).toBe(true);
    expect(isOfferedGroup(offered, 'stayers', true)).toBe(false);
    expect(isOfferedGroup(offered, '', true)).toBe(true);
    expect(isOfferedGroup(offered, '', false)).toBe(false);
  });
});
