import type { groupMoveStrings } from './group-move-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const groupMove: Translation<typeof groupMoveStrings> = {
  start: 'Select several',
  done: 'Stop selecting',
  pick: (name) => `Select: ${name}`,
  chosen: (n) => `Selected: ${n}`,
  chooseAll: 'Select all shown',
  chooseNone: 'Clear selection',
  panel: 'Moving to another group',
  target: 'Move to group',
  chooseTarget: '— choose a group —',
  move: 'Move',
  noTargets: 'There are no groups of this club you can move athletes to.',
  pickFirst: 'Tick athletes in the list and choose a group.',
  moved: (n, group) => `Moved to «${group}»: ${n}.`,
  already: (n) => `Already in that group: ${n}.`,
  queued: 'The changes will reach the server as soon as they can.',
};
