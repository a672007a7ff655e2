import type { rosterStrings } from '../../roster-strings.ts';
import type { Translation } from '../localized.ts';

export const roster: Translation<typeof rosterStrings> = {
  title: 'Athletes',
  link: 'Athletes of my groups',
  search: 'Search by name',
  group: 'Group',
  allGroups: 'All groups',
  empty: 'Nobody matches.',
  noneYet: 'No athletes yet — they appear after syncing.',
  notSet: '(Not set)',
  selfRegistration: '📝 Самозапись (self-booking)',
  schedule: 'Schedule',
  scheduleHint: 'E.g. Пн 18:00, Ср 19:00 (Mon, Wed). «Самозапись» or empty is fine too.',
  rankStart: 'Rank at the start of the season',
  rankEnd: 'Rank at the end of the season',
  rank: 'Rank',
  save: 'Save',
  saved: 'Saved. It will reach the server as soon as it can.',
  back: 'Back to the list',
  notFound: 'Athlete not found.',
  count: (n) => `Showing ${n}`,
};
