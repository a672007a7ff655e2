/** Russian copy for «Сегодня» (attendance), the attendance percentage and exports. */
import { localized } from '../../i18n/localized.ts';
export const attendanceStrings = localized('attendance', {
  title: 'Сегодня',
  link: 'Сегодня: посещаемость',
  date: 'Дата',
  previousDay: 'Предыдущий день',
  nextDay: 'Следующий день',
  today: 'Сегодня',
  noSessions: 'В этот день у ваших групп нет занятий.',
  awaitingSync: 'Занятия появятся после первой синхронизации с сервером.',
  loading: 'Загрузка…',
  noAthletes: 'В группе пока нет спортсменов.',
  cancelled: 'Отменено',
  marked: (marked: number, total: number) => `Отмечено: ${marked} из ${total}`,
  status: {
    present: 'Был',
    excused: 'Уважительная',
    absent: 'Не был',
    trial: 'Пробное',
  },
  /** on the buttons: short enough for four in a row at 360 px */
  statusShort: {
    present: 'Был',
    excused: 'Уваж.',
    absent: 'Не был',
    trial: 'Пробное',
  },
  /** one letter per status in the exported register */
  statusMark: {
    present: '+',
    excused: 'у',
    absent: 'н',
    trial: 'п',
  },
  statusGroup: (name: string) => `Отметка: ${name}`,
  markHint: 'Одно нажатие — отметка; нажмите её ещё раз, чтобы снять.',
  /** a session on a later day: the server refuses marks until its day comes */
  notYet: 'Отмечать можно в день занятия.',
  /** marks every athlete without a mark present */
  markAll: 'Отметить всех',
  /** some athletes already have a mark: those stay, the rest are marked present */
  markRest: (count: number) => `Отметить остальных (${count})`,
  markAllHint: 'Все без отметки получат «Был»; уже поставленные отметки не меняются.',
  markedAll: (count: number) => `Отмечено «Был»: ${count}`,
  /** the title of a pressed mark: tapping it again clears it */
  clearMark: (status: string) => `${status} — нажмите ещё раз, чтобы снять отметку`,
  percent: 'Посещаемость',
  percentOf: (season: string) => `Посещаемость за сезон ${season}`,
  percentValue: (percent: number | null) => (percent === null ? '—' : `${percent}%`),
  percentHint:
    'Был и пробное занятие — посещение; пропуск по уважительной причине не считается ни в плюс, ни в минус.',
  percentCounts: (present: number, trial: number, absent: number, excused: number) =>
    `был ${present}, пробных ${trial}, не был ${absent}, уважительных ${excused}`,
  exportTitle: 'Выгрузка',
  exportRosterXlsx: 'Состав в Excel',
  exportRosterCsv: 'Состав в CSV',
  exportAttendanceXlsx: (season: string) => `Посещаемость ${season} в Excel`,
  exportAttendanceCsv: (season: string) => `Посещаемость ${season} в CSV`,
  exportFailed: 'Не удалось сохранить файл.',
  sheetRoster: 'Состав',
  sheetAttendance: 'Посещаемость',
  column: {
    athlete: 'Спортсмен',
    group: 'Группа',
    season: 'Сезон',
    status: 'Статус',
    schedule: 'Расписание',
    rankStart: 'Разряд на начало сезона',
    rankEnd: 'Разряд на конец сезона',
    notes: 'Заметки',
    percent: 'Посещаемость, %',
  },
} as const);
