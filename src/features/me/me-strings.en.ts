import type { meStrings } from './me-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const me: Translation<typeof meStrings> = {
  title: 'My page',
  link: 'My schedule and ranks',
  noRecord:
    'Your account is not linked to an athlete record yet. Ask the club’s admin to link them — then your schedule and ranks appear here.',
  waiting: 'Your data appears after the first sync.',
  groupAndCoaches: 'Group and coaches',
  group: 'Group',
  noGroup: 'No group assigned yet',
  coaches: 'Coaches',
  noCoaches: 'No coach assigned yet',
  pattern: 'Weekly schedule',
  upcoming: 'Upcoming sessions',
  noUpcoming: 'No upcoming sessions yet.',
  cancelled: 'Cancelled',
  timesIn: (zone) => `Times are in the club’s time zone (${zone}).`,
  ranks: 'Ranks',
  season: (season) => `Season ${season}`,
  noSeason: 'Current season',
  rankStart: 'At the start of the season',
  rankEnd: 'At the end of the season',
  rankNotSet: '(Not set)',
  rankNotAssigned: '(Not awarded)',
  history: 'Ranks of past seasons',
  noHistory: 'No past seasons yet.',
  calendar: 'Calendar',
  addToCalendar: 'Download sessions for your calendar (.ics)',
  calendarHint:
    'A file with your upcoming sessions: open it on your phone or import it into Google, Apple or Yandex Calendar. Importing it again updates the same events instead of copying them.',
  calendarCount: (n) => `In the file: ${n} ${n === 1 ? 'session' : 'sessions'}.`,
  calendarName: 'Training',
  sessionTitle: (name) => `Training: ${name}`,
  training: 'Training',
  coachLine: (names) => `Coach: ${names}`,
  fileName: 'trackside-training.ics',
};
