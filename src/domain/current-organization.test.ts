import { describe, expect, it } from 'vitest';
import {
  chooseCurrentOrganization,
  shortOrganizationName,
  sortOrganizations,
  type OrganizationOption,
} from './current-organization.ts';

const start: OrganizationOption = { orgId: 'o1', name: 'Старт', role: 'coach' };
const arrow: OrganizationOption = { orgId: 'o2', name: 'Стрела', role: 'admin' };
const athleteClub: OrganizationOption = { orgId: 'o3', name: 'Атлет', role: 'athlete' };

describe('chooseCurrentOrganization', () => {
  it('keeps the remembered choice while the person still belongs there', () => {
    expect(chooseCurrentOrganization([start, arrow], 'o2')).toBe('o2');
  });

  it('while acting, the club acted for is current whatever was chosen, once the device has it', () => {
    const client: OrganizationOption = { orgId: 'o5', name: 'Юность', role: 'admin' };
    expect(chooseCurrentOrganization([start, arrow, client], 'o2', 'o5')).toBe('o5');
    // not synced yet: the usual choice until it arrives
    expect(chooseCurrentOrganization([start, arrow], 'o2', 'o5')).toBe('o2');
  });

  it('falls back to the first staff organization by name when the membership ended', () => {
    // o9 was remembered but is no longer among the memberships
    expect(chooseCurrentOrganization([arrow, start, athleteClub], 'o9')).toBe('o1');
  });

  it('prefers staff over an earlier-named organization where the person is an athlete', () => {
    expect(chooseCurrentOrganization([athleteClub, arrow], null)).toBe('o2');
  });

  it('takes the first by name when the person is staff nowhere', () => {
    const other: OrganizationOption = { orgId: 'o4', name: 'Юность', role: 'member' };
    expect(chooseCurrentOrganization([other, athleteClub], null)).toBe('o3');
  });

  it('has nothing to choose without memberships', () => {
    expect(chooseCurrentOrganization([], 'o1')).toBeNull();
  });
});

describe('sortOrganizations', () => {
  it('lists by name in Russian order without changing its input', () => {
    const input = [arrow, athleteClub, start];
    expect(sortOrganizations(input).map((o) => o.orgId)).toEqual(['o3', 'o1', 'o2']);
    expect(input[0]).toBe(arrow);
  });
});

describe('shortOrganizationName', () => {
  it('takes the quoted part of a club’s name, else the whole name', () => {
    expect(shortOrganizationName('Лёгкоатлетический клуб «Старт»')).toBe('Старт');
    expect(shortOrganizationName('СШОР "Юность" г. Тверь')).toBe('Юность');
    expect(shortOrganizationName('Бегущий город')).toBe('Бегущий город');
    expect(shortOrganizationName('«  »')).toBe('«  »');
  });
});
