/** Russian copy for moving several athletes to another group from the roster. */
import { localized } from '../../i18n/localized.ts';
export const groupMoveStrings = localized('groupMove', {
  start: 'Выбрать несколько',
  done: 'Закончить выбор',
  pick: (name: string) => `Выбрать: ${name}`,
  chosen: (n: number) => `Выбрано: ${n}`,
  chooseAll: 'Выбрать всех показанных',
  chooseNone: 'Снять выбор',
  panel: 'Перевод в другую группу',
  target: 'Перевести в группу',
  chooseTarget: '— выберите группу —',
  move: 'Перевести',
  noTargets: 'Нет групп этого клуба, в которые вы можете переводить спортсменов.',
  pickFirst: 'Отметьте спортсменов в списке и выберите группу.',
  moved: (n: number, group: string) => `Переведено в «${group}»: ${n}.`,
  already: (n: number) => `Уже были в этой группе: ${n}.`,
  queued: 'Изменения отправятся на сервер при первой возможности.',
} as const);
