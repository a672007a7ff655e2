/** Russian copy for the athlete's own page (/me) and its calendar file. */
import { localized } from '../../i18n/localized.ts';

function sessions(n: number): string {
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  if (last === 1 && !teen) return `${n} тренировка`;
  if (last >= 2 && last <= 4 && !teen) return `${n} тренировки`;
  return `${n} тренировок`;
}

export const meStrings = localized('me', {
  title: 'Моя страница',
  link: 'Моё расписание и разряды',
  noRecord:
    'Ваш аккаунт пока не связан с карточкой спортсмена. Попросите администратора клуба связать их — тогда здесь появятся расписание и разряды.',
  waiting: 'Данные появятся после первой синхронизации.',
  groupAndCoaches: 'Группа и тренеры',
  group: 'Группа',
  noGroup: 'Группа пока не назначена',
  coaches: 'Тренеры',
  noCoaches: 'Тренер пока не назначен',
  pattern: 'Расписание на неделю',
  upcoming: 'Ближайшие тренировки',
  noUpcoming: 'Ближайших тренировок пока нет.',
  cancelled: 'Отменена',
  timesIn: (zone: string) => `Время — по часовому поясу клуба (${zone}).`,
  ranks: 'Разряды',
  season: (season: string) => `Сезон ${season}`,
  noSeason: 'Текущий сезон',
  rankStart: 'На начало сезона',
  rankEnd: 'На конец сезона',
  rankNotSet: '(Не указан)',
  rankNotAssigned: '(Не присвоен)',
  history: 'Разряды прошлых сезонов',
  noHistory: 'Прошлых сезонов пока нет.',
  calendar: 'Календарь',
  addToCalendar: 'Скачать тренировки в календарь (.ics)',
  calendarHint:
    'Файл с ближайшими тренировками: откройте его на телефоне или импортируйте в Google, Apple или Яндекс Календарь. Повторный импорт обновит те же события, а не создаст копии.',
  calendarCount: (n: number) => `В файле: ${sessions(n)}.`,
  calendarName: 'Тренировки',
  sessionTitle: (name: string) => `Тренировка: ${name}`,
  training: 'Тренировка',
  coachLine: (names: string) => `Тренер: ${names}`,
  fileName: 'trackside-trenirovki.ics',
} as const);
