import { describe, expect, it } from 'vitest';
import { searchMembers } from './member-search.ts';

const members = [
  { name: 'Ольга Смирнова', email: 'admin@trackside.test' },
  { name: 'Пётр Семёнов', email: 'coach@trackside.test' },
  { name: 'Иван Петров', email: null },
];

describe('searchMembers', () => {
  it('finds by any part of the name or the email, whatever the case', () => {
    expect(searchMembers(members, 'смирн').map((m) => m.name)).toEqual(['Ольга Смирнова']);
    expect(searchMembers(members, 'COACH@').map((m) => m.name)).toEqual(['Пётр Семёнов']);
    expect(searchMembers(members, 'trackside').length).toBe(2);
  });

  it('reads «ё» as «е» and needs every word', () => {
    expect(searchMembers(members, 'петр семен').map((m) => m.name)).toEqual(['Пётр Семёнов']);
    expect(searchMembers(members, 'петр').map((m) => m.name)).toEqual([
      'Пётр Семёнов',
      'Иван Петров',
    ]);
    expect(searchMembers(members, 'иван смирнова')).toEqual([]);
  });

  it('an empty query keeps everyone', () => {
    expect(searchMembers(members, '   ')).toEqual(members);
  });
});
