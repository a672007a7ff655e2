import type { seasonStrings } from './season-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const season: Translation<typeof seasonStrings> = {
  title: 'New season',
  link: 'Start a new season',
  intro:
    'A season runs from 1 September to 31 August. When a new one starts, each athlete’s ranks of the finished season are kept in their history and the new season starts clean.',
  organization: 'Organization',
  scope: 'For whom',
  wholeClub: 'The whole club',
  groupOption: (name, current) => `${name} · ${current}`,
  noSeasonYet: 'no season set',
  season: 'New season',
  seasonHint: 'E.g. 2027-2028',
  whatHappens: 'What will happen',
  willMove: (n, next) => `Moving to season ${next}: ${n}.`,
  willArchive: (n) => `Ranks of the finished season kept in history: ${n}.`,
  ranksReset:
    'The “rank at the start” and “at the end of the season” fields become empty, to fill in anew.',
  leftAlone:
    'Archived athletes and those with no season set are left as they are. Nothing is deleted; running it again changes nothing.',
  nothingToDo: 'Everyone here is already in that season — nothing to change.',
  confirm: 'I understand: this season’s ranks go to history',
  confirmNeeded: 'Confirm that you understand what will happen',
  earlyWarning: (season, current, starts) =>
    `Season ${current} is running now; season ${season} starts only on ${starts}. A new season usually starts in summer or September: starting it now sends this season’s ranks to history early.`,
  pastWarning: (season, current) =>
    `Season ${season} is already over — season ${current} is running now. Check that this is the season you mean.`,
  outOfTurnConfirm: (season) => `Yes, start season ${season} now, out of its turn`,
  outOfTurnNeeded: (season) => `Confirm that you want to start season ${season} now`,
  start: (next) => `Start season ${next}`,
  starting: 'Starting…',
  needsNetwork:
    'Needs a network: the server starts the new season. Connect to the internet — this page stays here.',
  done: (next, athletes, archived) =>
    `Done: season ${next} has started. Moved: ${athletes}; ranks kept in history: ${archived}.`,
  notAllowed:
    'Only the club’s admins can start a season for the whole club; a group’s coaches can for their group.',
  groupGone: 'That group is no longer in the organization.',
  nothingYouManage: 'Club admins and group coaches start new seasons. You have neither role here.',
};
