/**
 * Russian copy for sync: the status in the app bar, the unsynced-changes page and
 * the sign-out warning. Kept apart from strings.ts so the sync screens can grow
 * their copy without touching the shell's catalogue.
 */
import { localized } from '../../i18n/localized.ts';

function plural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

function changes(n: number): string {
  return `${n} ${plural(n, 'изменение', 'изменения', 'изменений')}`;
}

export const syncStrings = localized('sync', {
  online: 'В сети',
  offline: 'Нет сети',
  syncing: 'Синхронизация…',
  /** online, yet the server could not be reached: the short mark and the sentence */
  failingShort: 'Сбой',
  failing: (retryAt: string | null) =>
    `Сервер не отвечает${retryAt ? `, повторим в ${retryAt}` : ''}`,
  retryNow: 'Повторить синхронизацию сейчас',
  /** the short pending badge; the full sentence goes to screen readers */
  // an arrow, not an emoji: it must render on phones without an emoji font
  pendingShort: (n: number) => `↑${n}`,
  pending: (n: number) => (n === 0 ? 'Все изменения отправлены' : `Не отправлено: ${changes(n)}`),
  lastSync: (time: string) => `Синхронизировано в ${time}`,
  neverSynced: 'Ещё не синхронизировано',
  rejectedShort: (n: number) => `! ${n}`,
  /** the badge's full sentence: refused changes, then ones someone else overwrote */
  attention: (rejected: number, superseded: number) => {
    const parts = [
      rejected > 0 ? `Отклонено сервером: ${changes(rejected)}` : '',
      superseded > 0 ? `Изменено кем-то другим: ${changes(superseded)}` : '',
    ].filter(Boolean);
    return `${parts.join('. ')}. Открыть список`;
  },
  needsSignIn: 'Войдите снова, чтобы продолжить синхронизацию',
  confirmLogout: (n: number) =>
    `${changes(n)} ещё не ${n === 1 ? 'отправлено' : 'отправлены'} на сервер и будут потеряны при выходе. Выйти?`,
  issues: {
    title: 'Несинхронизированные изменения',
    empty: 'Все изменения приняты сервером.',
    /** changes still on this device: how many, and why they have not gone */
    waiting: (n: number) => `Ждут отправки: ${changes(n)}. Сервер их ещё не видел.`,
    waitingOffline: 'Нет сети: отправим, как только связь появится.',
    waitingOnline: 'Отправляем…',
    rejectedTitle: 'Отклонено сервером',
    supersededTitle: 'Изменено кем-то другим',
    supersededHint:
      'Кто-то изменил это позже, не видя вашего изменения, и сохранилось его значение. Верните своё или оставьте как есть.',
    mine: 'Ваше значение',
    theirs: 'Сохранено сейчас',
    theirsBy: (name: string) => `Сохранено сейчас (${name})`,
    keepMine: 'Вернуть моё',
    keepTheirs: 'Оставить как есть',
    /** a change about something the device no longer knows by name */
    unnamed: 'без имени',
    values: 'Значения',
    reason: 'Причина',
    retry: 'Повторить',
    discard: 'Отменить',
    edit: 'Изменить значение',
    back: 'На главную',
    details: 'Ответ сервера',
    /** a refused value with its invisible characters written out */
    hidden: (text: string) => `Со скрытыми символами: ${text}`,
    /** what a changed row is, in the words a coach knows (never the storage's word) */
    kindName: (table: string): string =>
      ({
        athletes: 'Спортсмен',
        training_groups: 'Группа',
        rank_history: 'Разряд',
        training_sessions: 'Занятие',
        bookings: 'Запись',
        email_preferences: 'Настройка писем',
        attendance: 'Отметка',
        coach_settings: 'Настройка записи',
        athlete_contacts: 'Контакты спортсмена',
        weekly_availability: 'Недельное окно',
        blocked_slots: 'Недоступное время',
        availability_additions: 'Дополнительное время',
      })[table] ?? 'Изменение',
    fieldName: (field: string): string =>
      ({
        name: 'Имя',
        schedule: 'Расписание',
        rank_start: 'Разряд на начало сезона',
        rank_end: 'Разряд на конец сезона',
        notes: 'Заметки',
        status: 'Статус',
        time_zone: 'Часовой пояс',
        default_duration_minutes: 'Длительность занятия',
        buffer_before_minutes: 'Перерыв до занятия',
        buffer_after_minutes: 'Перерыв после занятия',
        minimum_notice_minutes: 'Минимальный срок записи',
        slot_interval_minutes: 'Шаг начала занятий',
        booking_horizon_days: 'Запись вперёд',
        cancellation_window_minutes: 'Срок отмены',
        default_room: 'Зал по умолчанию',
        weekday: 'День недели',
        start_time: 'Начало',
        end_time: 'Конец',
        starts_at: 'Начало',
        ends_at: 'Конец',
        room: 'Зал',
        reason: 'Причина',
        is_individual: 'Индивидуально',
        is_group: 'Группа',
        marked_at: 'Отмечено',
        guardian_name: 'Родитель или опекун',
        guardian_phone: 'Телефон родителя',
        guardian_email: 'Почта родителя',
        phone: 'Телефон спортсмена',
        birth_date: 'Дата рождения',
      })[field] ?? field,
    /** the rejection reason in words a coach reads; the server's own text follows */
    reasonName: (reason: string): string =>
      ({
        forbidden: 'Нет прав на это изменение',
        invalid: 'Сервер не принял значение',
        conflict: 'Конфликт с другим изменением',
        reference: 'Связанная запись не найдена или относится к другому клубу',
        rule: 'Нарушено правило клуба',
        unknown_table: 'Данные этого типа не синхронизируются',
        unreadable:
          'Сервер не смог прочитать значение: в нём есть недопустимые невидимые символы. Исправьте текст и повторите',
        superseded: 'Изменено кем-то другим',
      })[reason] ?? 'Ошибка на сервере',
  },
} as const);
