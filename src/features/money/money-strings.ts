/** Russian copy for purchases, email switches, the local mailbox and the roster's Moyklass bits. */
import { localized } from '../../i18n/localized.ts';
export const moneyStrings = localized('money', {
  purchases: {
    title: 'Покупки',
    link: 'Покупки и тренировки',
    shop: 'Что можно купить',
    shopOffline:
      'Список товаров загружается из сети. Ваши покупки и остаток тренировок ниже доступны и без сети.',
    noProducts: 'Клуб пока ничего не продаёт.',
    loadFailed: 'Не удалось загрузить товары',
    product: 'Что покупаем',
    package: (credits: number, days: number) => `Занятий: ${credits} · срок ${days} дн.`,
    plan: 'Подписка',
    discountCode: 'Промокод',
    discountHint: 'Если есть. Проверяется при оплате.',
    buy: 'Купить',
    buying: 'Переходим к оплате…',
    needsNetwork: 'Для покупки нужна сеть.',
    paid: 'Оплата прошла. Покупка появится в списке после синхронизации.',
    paidShown: 'Оплата прошла: покупка и занятия — ниже.',
    canceled: 'Оплата отменена, деньги не списаны.',
    credits: 'Остаток тренировок',
    creditsIn: (org: string) => org,
    noCredits: 'Пока нет оплаченных тренировок.',
    history: 'Мои покупки',
    noPurchases: 'Покупок пока нет.',
    discount: (percent: number) => `скидка ${percent}%`,
    creditsAdded: (n: number) => `+${n} трен.`,
    status: (status: string): string =>
      ({
        pending: 'Ожидает оплаты',
        paid: 'Оплачено',
        failed: 'Оплата не прошла',
        refunded: 'Возврат',
        canceled: 'Отменено',
      })[status] ?? status,
    errors: {
      invalid_discount_code: 'Такого промокода нет, или он больше не действует.',
      nothing_to_pay: 'Со скидкой платить нечего — обратитесь в клуб.',
      product_not_found: 'Этот товар больше не продаётся.',
      too_many_requests: 'Слишком много попыток. Подождите минуту.',
      payment_provider_error: 'Платёжная система не ответила. Попробуйте позже.',
      unauthorized: 'Войдите снова, чтобы оплатить.',
    },
  },
  email: {
    title: 'Письма',
    link: 'Настройка писем',
    intro:
      'Какие письма присылать вам на почту. Работает и без сети: изменения отправятся при подключении.',
    kind: (kind: string): string =>
      ({
        purchase_confirmation: 'Подтверждение оплаты',
        booking_confirmation: 'Подтверждение записи на тренировку',
        booking_notification: 'Новая запись ко мне (для тренеров)',
        booking_cancellation: 'Отмена записи',
        session_reminder: 'Напоминание за сутки до тренировки',
      })[kind] ?? kind,
    saved: 'Сохранено.',
    loading: 'Загружаем настройки…',
  },
  mailbox: {
    title: 'Почтовый ящик',
    link: 'Почтовый ящик',
    intro:
      'Локальный стенд никуда не отправляет письма: здесь видно, что получили бы вы. В рабочей версии письма уходят через почтовый сервис.',
    empty: 'Писем пока нет. Рассылка проходит раз в несколько секунд.',
    refresh: 'Обновить',
    to: 'Кому',
    unavailable: 'Почтового ящика здесь нет: письма отправляет почтовый сервис.',
    needsNetwork: 'Нужна сеть: письма хранятся на сервере.',
  },
  moyklass: {
    filter: 'Абонемент в этом сезоне',
    any: 'Не важно',
    with: 'Есть абонемент',
    without: 'Нет абонемента',
    refresh: 'Обновить из «Мой Класс»',
    refreshing: 'Загружаем абонементы…',
    refreshed: (n: number) => `Абонементы обновлены: ${n} спортсменов. Фильтр работает и без сети.`,
    unlinked: (n: number) => `Без ID «Мой Класс»: ${n}.`,
    /** the athletes the refresh could not look up, listed by name */
    unlinkedList: 'Без ID «Мой Класс»',
    unlinkedHint:
      'У них в Trackside не указан ID «Мой Класс», поэтому их абонементы не загружаются.',
    /** an athlete the device does not hold (another club, archived away) */
    unknownAthlete: 'Спортсмен не найден на этом устройстве',
    /** the athlete page's subscription card */
    subscription: {
      title: (season: string) => `Абонемент «Мой Класс», сезон ${season}`,
      none: 'В этом сезоне абонемента нет.',
      status: {
        active: 'Действует',
        frozen: 'Заморожен',
        inactive: 'Ещё не начался',
        ended: 'Закончился',
      },
      visitsLeft: (n: number) => `Осталось занятий: ${n}`,
      unlimited: 'Без ограничения по числу занятий',
      until: (date: string) => `До ${date}`,
      from: (date: string) => `С ${date}`,
      /** a Moyklass date (ISO) as people write it */
      date: (iso: string) => String(iso).split('-').reverse().join('.'),
    },
    fetchedAt: (when: string) => `Данные «Мой Класс» на ${when}`,
    needsNetwork: 'Нужна сеть: данные берутся из «Мой Класс».',
    errors: {
      crm_plan_restriction: 'Тариф CRM «Мой Класс» не разрешает это.',
      moyklass_not_connected:
        '«Мой Класс» не подключён к организации. Ключ API задаёт администратор.',
      moyklass_rejected: '«Мой Класс» не принял ключ API организации.',
      moyklass_unavailable: '«Мой Класс» сейчас недоступен. Попробуйте позже.',
      moyklass_bad_response: '«Мой Класс» ответил непонятно. Ничего не сохранено.',
      forbidden: 'Обновлять данные могут только тренеры и администраторы организации.',
      too_many_requests: 'Слишком часто. Подождите минуту.',
      unauthorized: 'Войдите снова.',
    },
  },
  failed: (status: number, message: string) => `Ошибка ${status}: ${message}`,
} as const);
