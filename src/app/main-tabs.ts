import type { Role } from '../domain/organization.ts';

/** what a tab is called and shows; the labels live in the shell's strings */
export type TabName =
  | 'today'
  | 'roster'
  | 'calendar'
  | 'members'
  | 'groups'
  | 'me'
  | 'book'
  | 'bookings'
  | 'purchases'
  | 'more';

export interface MainTab {
  name: TabName;
  href: string;
}

/**
 * The places a role comes for, one tap from any page (the phone's tab bar), in
 * the current organization: a coach's day, an admin's club, an athlete's own
 * training. «Ещё» is the home page, which links everything else.
 */
export function mainTabs(role: Role | null, orgId: string | null): MainTab[] {
  const tab = (name: TabName, href: string): MainTab => ({ name, href });
  const more = tab('more', '/');
  switch (role) {
    case 'owner':
    case 'admin':
      return orgId
        ? [
            tab('today', '/today'),
            tab('roster', '/roster'),
            tab('members', `/org/${orgId}/members`),
            tab('groups', `/org/${orgId}/groups`),
            more,
          ]
        : [tab('today', '/today'), tab('roster', '/roster'), tab('calendar', '/calendar'), more];
    case 'coach':
      return [tab('today', '/today'), tab('roster', '/roster'), tab('calendar', '/calendar'), more];
    case 'athlete':
      return [
        tab('me', '/me'),
        tab('book', '/book'),
        tab('bookings', '/bookings'),
        tab('purchases', '/purchases'),
        more,
      ];
    case 'member':
      return [tab('book', '/book'), tab('bookings', '/bookings'), tab('purchases', '/purchases'), more];
    case null:
      return [more];
  }
}

/**
 * The tab a path belongs to: its own page and the pages under it
 * (`/roster/<id>` is «Спортсмены», `/org/<id>/groups/<id>` «Группы»); any other
 * page was reached through «Ещё», which it marks.
 */
export function currentTab(tabs: readonly MainTab[], path: string): TabName | null {
  const own = tabs.find(
    (t) => t.href !== '/' && (path === t.href || path.startsWith(`${t.href}/`)),
  );
  if (own) return own.name;
  return tabs.some((t) => t.name === 'more') ? 'more' : null;
}
