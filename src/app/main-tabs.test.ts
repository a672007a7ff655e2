import { describe, expect, it } from 'vitest';
import { currentTab, mainTabs } from './main-tabs.ts';

const names = (role: Parameters<typeof mainTabs>[0]) => mainTabs(role, 'org-1').map((t) => t.name);

describe('mainTabs', () => {
  it('gives a coach the day, the athletes, the calendar and more', () => {
    expect(names('coach')).toEqual(['today', 'roster', 'calendar', 'more']);
  });

  it("gives an admin the day, the athletes and the current organization's club pages", () => {
    expect(names('admin')).toEqual(['today', 'roster', 'club', 'more']);
    expect(names('owner')).toEqual(names('admin'));
    expect(mainTabs('owner', 'org-1').find((t) => t.name === 'club')?.href).toBe(
      '/org/org-1/members',
    );
  });

  it('gives an athlete their schedule, booking and bookings', () => {
    expect(names('athlete')).toEqual(['me', 'book', 'bookings', 'more']);
    expect(names('member')).toEqual(['book', 'bookings', 'purchases', 'more']);
  });

  it('keeps at most four tabs, so each label fits whole at 360 px', () => {
    for (const role of ['owner', 'admin', 'coach', 'athlete', 'member'] as const) {
      expect(mainTabs(role, 'org-1').length).toBeLessThanOrEqual(4);
    }
  });
});

describe('currentTab', () => {
  const coach = mainTabs('coach', 'org-1');
  const admin = mainTabs('admin', 'org-1');

  it('marks the tab of the page and of the pages under it', () => {
    expect(currentTab(coach, '/today')).toBe('today');
    expect(currentTab(coach, '/roster/athlete-1')).toBe('roster');
    expect(currentTab(admin, '/org/org-1/members')).toBe('club');
    expect(currentTab(admin, '/org/org-1/groups')).toBe('club');
    expect(currentTab(admin, '/groups/g-1')).toBe('club');
  });

  it('does not take a page for a tab that only shares its prefix', () => {
    expect(currentTab(mainTabs('athlete', 'org-1'), '/bookings')).toBe('bookings');
    expect(currentTab(mainTabs('athlete', 'org-1'), '/book')).toBe('book');
    expect(currentTab(coach, '/todayx')).toBe('more');
  });

  it('marks «more» for home and for pages reached through it', () => {
    expect(currentTab(coach, '/')).toBe('more');
    expect(currentTab(coach, '/season')).toBe('more');
    expect(currentTab(admin, '/org/org-2/invitations')).toBe('more');
  });
});
