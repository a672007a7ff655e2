/** Russian copy for starting a new season (/season). */
import { localized } from '../../i18n/localized.ts';

export const seasonStrings = localized('season', {
  title: 'Новый сезон',
  link: 'Начать новый сезон',
  intro:
    'Сезон длится с 1 сентября по 31 августа. Когда начинается новый, разряды прошедшего сезона сохраняются в истории каждого спортсмена, а новый сезон начинается с чистого листа.',
  organization: 'Организация',
  scope: 'Для кого',
  wholeClub: 'Весь клуб',
  groupOption: (name: string, season: string) => `${name} · ${season}`,
  noSeasonYet: 'сезон не указан',
  season: 'Новый сезон',
  seasonHint: 'Например: 2027-2028',
  whatHappens: 'Что произойдёт',
  willMove: (n: number, season: string) => `Перейдут в сезон ${season}: ${n}.`,
  willArchive: (n: number) => `Разряды прошедшего сезона сохранятся в истории: ${n}.`,
  ranksReset:
    'Поля «Разряд на начало сезона» и «на конец сезона» станут пустыми — их заполняют заново.',
  leftAlone:
    'Спортсмены в архиве и без указанного сезона не изменятся. Ничего не удаляется, повторный запуск ничего не меняет.',
  nothingToDo: 'Все спортсмены здесь уже в этом сезоне — менять нечего.',
  confirm: 'Понимаю: разряды текущего сезона уйдут в историю',
  confirmNeeded: 'Отметьте, что понимаете, что произойдёт',
  earlyWarning: (season: string, current: string, starts: string) =>
    `Сейчас идёт сезон ${current}, а сезон ${season} начнётся только ${starts}. Обычно новый сезон начинают летом или в сентябре: если начать его сейчас, разряды текущего сезона уйдут в историю раньше времени.`,
  pastWarning: (season: string, current: string) =>
    `Сезон ${season} уже закончился — сейчас идёт сезон ${current}. Проверьте, тот ли сезон указан.`,
  outOfTurnConfirm: (season: string) => `Да, начать сезон ${season} сейчас, не в свой срок`,
  outOfTurnNeeded: (season: string) => `Подтвердите, что хотите начать сезон ${season} сейчас`,
  start: (season: string) => `Начать сезон ${season}`,
  starting: 'Начинаем…',
  needsNetwork:
    'Нужна сеть: новый сезон начинает сервер. Подключитесь к интернету — страница останется здесь.',
  done: (season: string, athletes: number, archived: number) =>
    `Готово: сезон ${season} начат. Перешли в него: ${athletes}; разряды ушли в историю: ${archived}.`,
  notAllowed:
    'Начать сезон для всего клуба могут только его администраторы, для группы — и её тренеры.',
  groupGone: 'Этой группы больше нет в организации.',
  nothingYouManage:
    'Начать новый сезон могут администраторы клуба и тренеры групп. У вас таких ролей нет.',
} as const);
