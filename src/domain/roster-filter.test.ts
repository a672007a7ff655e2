import { describe, expect, it } from 'vitest';
import {
  matchesRoster,
  subscriptionsInSeason,
  type FilterableAthlete,
  type RosterFilter,
} from './roster-filter.ts';

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

  it('filters by this season’s Moyklass subscription; the never-fetched are in neither', () => {
    const snapshots = subscriptionsInSeason(
      [
        { athlete_id: 'a1', season: '2026-2027', has_subscription: true },
        { athlete_id: 'a2', season: '2026-2027', has_subscription: false },
        { athlete_id: 'a3', season: '2025-2026', has_subscription: true },
        { athlete_id: 'a4', season: '2026-2027', has_subscription: true, deleted_at: 'x' },
      ],
      '2026-2027',
    );
    expect([...snapshots]).toEqual([
      ['a1', true],
      ['a2', false],
    ]);
    const roster: (FilterableAthlete & { id: string })[] = ['a1', 'a2', 'a3', 'a4'].map((id) => ({
      id,
      name: id,
      groupId: null,
      status: 'active',
      hasSubscription: snapshots.get(id) ?? null,
    }));
    const ids = (subscription: RosterFilter['subscription']) =>
      roster
        .filter((a) => matchesRoster(a, { query: '', group: '', status: 'current', subscription }))
        .map((a) => a.id);
    expect(ids('with')).toEqual(['a1']);
    expect(ids('without')).toEqual(['a2']);
    expect(ids('any')).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids(undefined)).toHaveLength(4);
  });
});
