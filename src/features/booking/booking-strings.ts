/** Russian copy for the booking screens: availability, calendar, conflicts, booking. */
import { localized } from '../../i18n/localized.ts';

const weekdayNames = [
  'Воскресенье',
  'Понедельник',
  'Вторник',
  'Среда',
  'Четверг',
  'Пятница',
  'Суббота',
];

export const bookingStrings = localized('booking', {
  links: {
    availability: 'Моё расписание приёма',
    calendar: 'Календарь занятий',
    conflicts: 'Конфликты расписания',
    book: 'Записаться к тренеру',
    bookings: 'Мои записи',
  },
  weekday: (n: number): string => weekdayNames[n] ?? String(n),
  organization: 'Организация',
  needsNetwork: 'Нужна сеть: это действие выполняет сервер.',
  back: 'На главную',
  availability: {
    title: 'Моё расписание приёма',
    intro:
      'Когда к вам можно записаться. Изменения сохраняются на устройстве и отправляются на сервер при первой возможности.',
    notCoach: 'Эта страница — для тренеров.',
    settings: 'Настройки записи',
    timeZone: 'Часовой пояс',
    timeZoneHint: 'Начните вводить город по-английски, например Moscow, и выберите из списка',
    durationHint: 'Сроки и длительности — в часах и минутах: 1:30 — полтора часа, 24:00 — сутки.',
    duration: 'Длительность занятия',
    bufferBefore: 'Перерыв до занятия',
    bufferAfter: 'Перерыв после занятия',
    notice: 'Записываться не позже чем за',
    interval: 'Шаг начала занятий',
    intervalHint: 'Пусто — равен длительности',
    horizon: 'Запись вперёд, дней',
    cancellation: 'Отмена участником не позже чем за',
    room: 'Зал по умолчанию',
    saveSettings: 'Сохранить настройки',
    settingsSaved: 'Настройки сохранены. Отправятся на сервер при первой возможности.',
    noSettings: 'Настройки ещё не сохранены: пока их нет, спортсмены не могут к вам записаться.',
    weekly: 'Недельные окна',
    noWindows: 'Окон пока нет.',
    windowLabel: (day: string, from: string, to: string) => `${day}, ${from}–${to}`,
    individual: 'Индивидуально',
    group: 'Группа',
    start: 'Начало',
    end: 'Конец',
    endHint: '00:00 — до полуночи',
    day: 'День недели',
    windowRoom: 'Зал',
    addWindow: 'Добавить окно',
    remove: 'Удалить',
    removeLabel: (what: string) => `Удалить: ${what}`,
    added: 'Добавлено. Отправится на сервер при первой возможности.',
    removed: 'Удалено. Отправится на сервер при первой возможности.',
    blocked: 'Недоступное время',
    blockedHint: 'Отпуск, сборы, выходные дни: в это время записаться нельзя.',
    noBlocked: 'Нет недоступного времени.',
    additions: 'Дополнительное время',
    additionsHint: 'Разовые окна сверх недельных.',
    noAdditions: 'Нет дополнительного времени.',
    fromDate: 'С даты',
    fromTime: 'С времени',
    toDate: 'По дату',
    toTime: 'По время',
    reason: 'Причина',
    addBlocked: 'Добавить недоступное время',
    addAddition: 'Добавить время',
    inZone: (zone: string) => `Время — в поясе ${zone}.`,
  },
  calendar: {
    title: 'Календарь',
    week: (from: string, to: string) => `Неделя ${from} — ${to}`,
    previous: 'Предыдущая неделя',
    next: 'Следующая неделя',
    previousShort: '← Назад',
    nextShort: 'Вперёд →',
    today: 'Сегодня',
    empty: 'Занятий нет',
    individual: 'Индивидуальное',
    group: 'Групповое',
    seats: (booked: number, capacity: number) => `Записано: ${booked} из ${capacity}`,
    /** a group session once marked: present or trial out of the group */
    turnout: (attended: number, expected: number) => `Пришли: ${attended} из ${expected}`,
    /** a group session not marked yet */
    groupSize: (count: number) => `В группе: ${count}`,
    /** the card opens the session's details */
    open: 'Подробнее',
    status: (s: string): string =>
      ({
        scheduled: 'Запланировано',
        completed: 'Прошло',
        cancelled: 'Отменено',
        no_show: 'Не пришёл',
      })[s] ?? s,
    recurring: 'Регулярная запись',
    openConflicts: (n: number) => `Открытых конфликтов: ${n}`,
    inZone: (zone: string) => `Время — в поясе ${zone}.`,
  },
  session: {
    title: 'Занятие',
    back: '← Календарь',
    notFound: 'Этого занятия нет на устройстве: возможно, оно удалено или ещё не загружено.',
    group: (name: string) => `Группа «${name}»`,
    athletes: 'Спортсмены и отметки',
    noAthletes: 'В группе нет спортсменов.',
    noMark: 'нет отметки',
    booked: 'Записались',
    nobodyBooked: 'Никто не записан.',
    markToday: 'Отметить в «Сегодня»',
    cancel: 'Отменить это занятие',
    cancelQuestion:
      'Отменить только это занятие? Записавшимся придёт письмо; остальные занятия группы и серии останутся.',
    cancelYes: 'Да, отменить',
    cancelNo: 'Не отменять',
    cancelled: 'Занятие отменено.',
    offline: 'Отменить занятие можно, когда есть связь с сервером.',
  },
  conflicts: {
    title: 'Конфликты',
    intro:
      'Занятия, которые больше не попадают в ваше расписание приёма, и повторы, которые не удалось поставить. Решите каждое.',
    none: 'Конфликтов нет.',
    kind: (k: string): string =>
      ({
        outside_availability: 'Вне вашего расписания приёма',
        blocked: 'Попадает на недоступное время — не поставлено',
        overlap: 'Пересекается с другим занятием — не поставлено',
      })[k] ?? k,
    member: (name: string) => `Спортсмен: ${name}`,
    cancel: 'Отменить занятие',
    cancelHint: 'Спортсмен получит письмо об отмене.',
    keep: 'Оставить',
    keepHint: 'Время станет дополнительным окном.',
    dismiss: 'Понятно, убрать',
    cancelled: 'Занятие отменено, спортсмену отправлено письмо.',
    kept: 'Занятие оставлено: добавлено дополнительное время.',
    dismissed: 'Убрано из списка.',
  },
  book: {
    title: 'Запись к тренеру',
    coach: 'Тренер',
    chooseCoach: 'Выберите тренера',
    noCoaches: 'В ваших организациях пока нет тренеров, к которым можно записаться.',
    yourZone: (zone: string) => `Время показано в вашем поясе: ${zone}.`,
    coachZone: (zone: string) => `Пояс тренера: ${zone}.`,
    noSlots: 'Свободного времени нет.',
    slotsFor: (day: string) => `Свободно ${day}`,
    moreDays: 'Показать ещё дни',
    chosen: (when: string) => `Выбрано: ${when}`,
    coachTime: (when: string) => `У тренера: ${when}`,
    repeat: 'Повторять',
    once: 'Один раз',
    weekly: 'Каждую неделю',
    biweekly: 'Раз в две недели',
    book: 'Записаться',
    bookSkipping: (n: number) => `Записаться, пропустив ${n} ${dates(n)}`,
    booked: 'Готово: вы записаны.',
    bookedSeries: (n: number) =>
      `Готово: регулярная запись создана, занятий уже в расписании: ${n}.`,
    skipped: (n: number) => `Пропущено дат: ${n}.`,
    clashes: 'Эти даты заняты или недоступны:',
    problem: (p: string): string =>
      ({
        outside_availability: 'вне расписания тренера',
        blocked: 'тренер недоступен',
        taken: 'уже занято',
      })[p] ?? p,
    offline:
      'Вы офлайн: запись делает сервер, поэтому записаться сейчас нельзя. Свободное время показано по последним данным на устройстве.',
    busyUnknown:
      'Занятость тренера не загружена — часть показанного времени может быть уже занята.',
    cancelChoice: 'Выбрать другое время',
    myBookings: 'Мои записи',
  },
  bookings: {
    title: 'Мои записи',
    upcoming: 'Предстоящие',
    past: 'Прошедшие',
    none: 'Записей пока нет.',
    noneUpcoming: 'Предстоящих занятий нет.',
    with: (coach: string) => `Тренер: ${coach}`,
    series: 'Регулярные записи',
    seriesLabel: (day: string, time: string, every: number) =>
      every === 2 ? `${day}, ${time}, раз в две недели` : `${day}, ${time}, каждую неделю`,
    cancel: 'Отменить',
    cancelSeries: 'Отменить регулярную запись',
    cancelUntil: (when: string) => `Отменить можно до ${when}`,
    cancelPassed: 'Срок отмены прошёл — отменить может только тренер.',
    cancelled: 'Запись отменена.',
    seriesCancelled: (n: number) => `Регулярная запись отменена, отменено занятий: ${n}.`,
    status: (s: string): string =>
      ({
        confirmed: 'Подтверждено',
        scheduled: 'Подтверждено',
        cancelled_by_member: 'Отменено вами',
        cancelled_by_coach: 'Отменено тренером',
        cancelled: 'Отменено',
        completed: 'Прошло',
        no_show: 'Неявка',
      })[s] ?? s,
    offline: 'Вы офлайн: отмену делает сервер. Показаны записи, сохранённые на устройстве.',
  },
  /** a summary before booking, how long a series runs, confirmed cancels, moving a booking */
  manage: {
    next: 'Далее',
    summaryTitle: 'Проверьте запись',
    when: 'Когда',
    length: 'Длительность',
    minutes: (n: number) => `${n} мин`,
    coach: 'Тренер',
    place: 'Место',
    placeUnknown: 'зал не указан тренером',
    repeat: 'Повтор',
    once: 'один раз',
    seriesOpen: (every: string) => `${every}, без даты окончания`,
    seriesUntil: (every: string, date: string, n: number) =>
      `${every}, до ${date} включительно: ${n} ${sessions(n)}`,
    payment: 'Оплата',
    paymentNone: 'запись ничего не списывает с вашего счёта',
    credits: (n: number) => `Занятий на вашем счёте в клубе: ${n}.`,
    confirm: 'Подтвердить запись',
    edit: 'Изменить',
    duration: 'Как долго',
    open: 'Без даты окончания',
    until: 'До даты',
    count: 'Число занятий',
    endDate: 'Последняя дата',
    occurrences: 'Занятий',
    lengthError: (e: string): string =>
      ({
        count: 'Число занятий — целое от 1 до 104.',
        date: 'Укажите последнюю дату.',
        before_start: 'Последняя дата раньше первого занятия.',
      })[e] ?? e,
    confirmCancel: (when: string) => `Отменить запись на ${when}?`,
    confirmCancelSeries: (label: string) => `Отменить регулярную запись «${label}»?`,
    yesCancel: 'Да, отменить',
    keep: 'Не отменять',
    cancelPassed: 'Срок отмены прошёл — отменить или перенести запись может только тренер.',
    reschedule: 'Перенести',
    rescheduleTitle: 'Перенос записи',
    moveSummary: 'Проверьте перенос',
    seriesEnds: (date: string) => `Последнее занятие: ${date}`,
    current: (when: string) => `Сейчас: ${when}`,
    moveFrom: 'Было',
    moveTo: 'Станет',
    confirmMove: 'Подтвердить перенос',
    moved: (when: string) => `Готово: запись перенесена на ${when}.`,
    moveGone: 'Эта запись не найдена или уже не может быть перенесена.',
  },
} as const);

function sessions(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'занятие';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'занятия';
  return 'занятий';
}

function dates(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return 'дату';
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'даты';
  return 'дат';
}
