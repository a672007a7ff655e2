/** Russian copy for the coach roster and the athlete detail view. */
import { localized } from './locales/localized.ts';
export const rosterStrings = localized('roster', {
  title: 'Спортсмены',
  link: 'Спортсмены моих групп',
  search: 'Поиск по имени',
  group: 'Группа',
  allGroups: 'Все группы',
  empty: 'Никого не нашлось.',
  noneYet: 'Спортсменов пока нет — они появятся после синхронизации.',
  notSet: '(Не указано)',
  selfRegistration: '📝 Самозапись',
  schedule: 'Расписание',
  scheduleHint: 'Например: Пн 18:00, Ср 19:00. «Самозапись» или пусто — тоже можно.',
  rankStart: 'Разряд на начало сезона',
  rankEnd: 'Разряд на конец сезона',
  rank: 'Разряд',
  save: 'Сохранить',
  saved: 'Сохранено. Отправится на сервер при первой возможности.',
  back: 'К списку',
  notFound: 'Спортсмен не найден.',
  count: (n: number) => `Показано: ${n}`,
} as const);
