import { describe, expect, it } from 'vitest';
import { matchesRoster, type FilterableAthlete, type RosterFilter } from './roster-filter.ts';

const athletes: FilterableAthlete[] = [
  { name: 'Петров Иван', groupId: 'g1', status: 'active' },
  { name: 'Фёдоров Максим', groupId: 'g1', status: 'inactive' },
  { name: 'Орлова Вероника', groupId: null, status: 'archived' },
  { name: 'Волков Егор', groupId: 'g2', status: 'active' },
];

function names(filter: Partial<RosterFilter>): string[] {
  const f: RosterFilter = { query: '', group: '', status: 'current', ...filter };
  return athletes.filter((a) => matchesRoster(a, f)).map((a) => a.name);
}

describe('matchesRoster', () => {
  it('hides the archive unless asked for', () => {
    expect(names({})).toEqual(['Петров Иван', 'Фёдоров Максим', 'Волков Егор']);
    expect(names({ status: 'archived' })).toEqual(['Орлова Вероника']);
    expect(names({ status: 'all' })).toHaveLength(4);
    expect(names({ status: 'inactive' })).toEqual(['Фёдоров Максим']);
  });

  it('searches names in any case, ё included, and filters by group', () => {
    expect(names({ query: ' фЁДОРОВ ' })).toEqual(['Фёдоров Максим']);
    expect(names({ group: 'g2' })).toEqual(['Волков Егор']);
    expect(names({ group: 'g1', status: 'active' })).toEqual(['Петров Иван']);
  });
});
