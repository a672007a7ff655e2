import type { Role } from '../domain/organization.ts';

/** what a tab is called and shows; the labels live in the shell's strings */
export type TabName =
  'today' | 'roster' | 'calendar' | 'club' | 'me' | 'book' | 'bookings' | 'purchases' | 'more';

export interface MainTab {
  name: TabName;
  href: string;
}

/**
 * The places a role comes for, one tap from any page (the phone's tab bar), in
 * the current organization: a coach's day, an admin's club, an athlete's own
 * training, four at most so each label fits a 360 px phone whole. «Ещё» is the
 * home page, which links everything else.
 */
export function mainTabs(role: Role | null, orgId: string | null): MainTab[] {
  const tab = (name: TabName, href: string): MainTab => ({ name, href });
  const more = tab('more', '/');
  switch (role) {
    case 'owner':
    case 'admin':
      // «Клуб» opens the club's admin pages (members, invitations, groups: their own sub-navigation)
      return orgId
        ? [
            tab('today', '/today'),
            tab('roster', '/roster'),
            tab('club', `/org/${orgId}/members`),
            more,
          ]
        : [tab('today', '/today'), tab('roster', '/roster'), tab('calendar', '/calendar'), more];
    case 'coach':
      return [tab('today', '/today'), tab('roster', '/roster'), tab('calendar', '/calendar'), more];
    case 'athlete':
      // purchases are occasional: under «Ещё», so four tabs keep whole labels at 360 px
      return [tab('me', '/me'), tab('book', '/book'), tab('bookings', '/bookings'), more];
    case 'member':
      return [
        tab('book', '/book'),
        tab('bookings', '/bookings'),
        tab('purchases', '/purchases'),
        more,
      ];
    case null:
      return [more];
  }
}

/**
 * The tab a path belongs to: its own page and the pages under it
 * (`/roster/<id>` is «Спортсмены», `/org/<id>/groups` and `/groups/<id>` «Клуб»); any other
 * page was reached through «Ещё», which it marks.
 */
export function currentTab(tabs: readonly MainTab[], path: string): TabName | null {
  const own = tabs.find(
    (t) => t.href !== '/' && (path === t.href || path.startsWith(`${t.href}/`)),
  );
  if (own) return own.name;
  // every admin page of the club (members, invitations, groups, one group) is «Клуб»
  const club = tabs.find((t) => t.name === 'club');
  const clubPage = club && path.startsWith(club.href.replace(/\/members$/, '/'));
  if (clubPage || (club && path.startsWith('/groups/'))) return 'club';
  return tabs.some((t) => t.name === 'more') ? 'more' : null;
}
