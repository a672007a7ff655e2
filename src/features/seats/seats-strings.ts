/** Russian copy for running clubs' seats: the club admin's pools and a member's seats. */
import { localized } from '../../i18n/localized.ts';

export const seatsStrings = localized('seats', {
  /** the member's link on the home page */
  memberLink: 'Места в клубе',
  needsNetwork: 'Нет сети: места хранятся на сервере. Подключитесь к интернету, чтобы их увидеть.',
  loadFailed: 'Не удалось загрузить места',
  retry: 'Повторить',
  featureOff: (club: string) =>
    `${club}: места в планах сейчас отключены. Когда их включат, пакеты мест клуба появятся здесь.`,
  seller: 'Продавец',
  price: 'Цена места',
  taken: (taken: number, total: number) => `Занято ${taken} из ${total}`,
  left: (n: number) => `Свободно: ${n}`,
  state: {
    open: 'Открыт',
    full: 'Мест нет',
    closed: 'Закрыт',
  },
  unnamedPlan: 'План',
  unnamedSeller: 'другая организация',
  club: {
    title: 'Места в планах',
    intro:
      'Пакеты мест в тренировочных планах, которые клуб купил у тренеров и школ. Участник клуба занимает место сам или вы выдаёте его; место можно отозвать — оно вернётся в пакет.',
    none: 'У клуба пока нет пакетов мест.',
    pool: (plan: string) => `Пакет «${plan}»`,
    claims: 'Кто занял места',
    noClaims: 'Места пока никто не занял.',
    claimed: 'занял сам',
    assigned: 'выдано администратором',
    since: (date: string) => `с ${date}`,
    assignTo: 'Выдать место участнику',
    noOneLeft: 'Все участники клуба уже с местом в этом пакете.',
    choose: 'Выберите участника',
    assign: 'Выдать место',
    gaveSeat: (name: string) => `${name} получает место.`,
    revoke: 'Отозвать место',
    revokeLabel: (name: string) => `Отозвать место у ${name}`,
    confirmRevoke: (name: string) =>
      `Отозвать место у ${name}? Его копия плана будет перенесена в архив, место вернётся в пакет.`,
    confirm: 'Да, отозвать',
    cancel: 'Отмена',
    revoked: (name: string) => `Место ${name} отозвано и вернулось в пакет.`,
    someone: 'Участник',
  },
  buy: {
    title: 'Купить места',
    intro:
      'Клуб покупает места в плане тренера или школы и раздаёт их своим участникам. Чем больше мест, тем дешевле каждое.',
    none: 'Купить пока нечего: здесь появляются планы других клубов с опубликованных страниц тренеров и планы, места в которых клуб уже покупал.',
    plan: 'План',
    choose: 'Выберите план',
    offer: (plan: string, seller: string, price: string) => `${plan} — ${seller}, ${price}`,
    weeks: (n: number) => `${n} нед.`,
    seats: 'Сколько мест',
    seatsHint: 'От 1 до 10 000.',
    seatsError: 'Введите целое число от 1 до 10 000.',
    tiers: 'Скидка за количество',
    tier: (from: number, to: number | null, percent: number) =>
      `${to === null ? `от ${from}` : `${from}–${to}`} мест: ${percent === 0 ? 'без скидки' : `−${percent} %`}`,
    listPrice: 'Цена места без скидки',
    perSeat: 'Цена места',
    discount: 'Скидка',
    noDiscount: 'нет (меньше 10 мест)',
    discountOf: (percent: number, from: number, to: number | null) =>
      `−${percent} % (${to === null ? `от ${from}` : `${from}–${to}`} мест)`,
    total: 'Итого',
    pay: (total: string) => `Оплатить ${total}`,
    paying: 'Переходим к оплате…',
    priceNote: 'Цену считает сервер при оплате; пакет появится здесь, как только платёж пройдёт.',
    paid: 'Оплата прошла. Пакет мест появится здесь через несколько секунд.',
    waiting: 'Ждём подтверждения оплаты…',
    arrived: 'Оплата подтверждена: новый пакет мест ниже.',
    canceled: 'Оплата отменена, места не куплены.',
    errors: {
      feature_disabled: 'Места в планах сейчас отключены для клуба.',
      forbidden: 'Места для клуба покупают только его владельцы и администраторы.',
      not_a_plan: 'Этот товар не даёт тренировочного плана.',
      own_product: 'Места в своих планах клуб не покупает.',
      product_not_found: 'Этот план больше не продаётся.',
      invalid_seats: 'Количество мест — от 1 до 10 000.',
      rate_limited: 'Слишком много попыток. Попробуйте через минуту.',
    } as Record<string, string>,
    failed: (status: number, message: string) =>
      `Не получилось начать оплату (${status}): ${message}`,
  },
  member: {
    title: 'Места в клубе',
    intro:
      'Ваш клуб купил места в тренировочных планах. Займите свободное место — и свой экземпляр плана появится на главной странице.',
    mine: 'Моё место',
    noneMine: 'У вас пока нет места.',
    heldIn: (club: string) => `Клуб: ${club}`,
    since: (date: string) => `Место с ${date}`,
    openPlan: 'Тренировка на сегодня',
    openPlanHint:
      'План открывается на главной странице: там тренировка на сегодня и неделя вперёд.',
    available: 'Свободные места',
    none: 'В ваших клубах сейчас нет свободных мест.',
    take: 'Занять место',
    takeLabel: (plan: string) => `Занять место в плане «${plan}»`,
    taken: (plan: string) =>
      `Место ваше: план «${plan}» появится на главной странице после синхронизации.`,
  },
});
