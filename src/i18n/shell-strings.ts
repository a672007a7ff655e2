/**
 * Every user-visible string of the shell, Russian first. One module so that
 * @lit/localize (or any catalogue) can replace it without touching the pages.
 */
import { localized } from './localized.ts';

import { SELF_SERVICE_KINDS, type Role } from '../domain/organization.ts';

/** organization kinds a user may create (`create_organization` refuses reseller and platform) */
export const organizationKinds = SELF_SERVICE_KINDS;
export type OrganizationKind = (typeof organizationKinds)[number];

/** membership roles, as the `memberships.role` column stores them */
export type MembershipRole = Role;

const kindNames: Record<string, string> = {
  club: 'Клуб',
  school: 'Спортшкола',
  coach_business: 'Частный тренер',
  race: 'Забег',
  timing_company: 'Хронометраж',
  reseller: 'Реселлер',
  partner: 'Партнёр',
  platform: 'Платформа',
};

const roleNames: Record<string, string> = {
  owner: 'Владелец',
  admin: 'Администратор',
  coach: 'Тренер',
  athlete: 'Спортсмен',
  member: 'Участник',
};

export const strings = localized('shell', {
  appName: 'Trackside',
  appTagline: 'Тренировки, посещаемость и расписание — даже без связи',
  loading: 'Загрузка…',
  offline: 'Нет сети',
  offlineHint: 'Вы офлайн: показаны последние загруженные данные.',
  newVersion: 'Доступна новая версия',
  reload: 'Обновить',
  dismiss: 'Закрыть',
  skipToContent: 'Перейти к содержимому',
  coachesOnly: 'Эта страница — для тренеров.',

  acting: {
    label: 'Действие от имени клуба',
    actingFor: (name: string) => `Вы действуете от имени клуба: ${name}`,
    thisClub: 'клиента',
    readOnly: 'только просмотр',
    canWrite: 'можно вносить изменения',
    until: (time: string) => `до ${time}`,
    minutesLeft: (n: number) => `осталось ${n} мин`,
    ended: 'Время действия от имени клуба истекло: изменения не сохранятся. Завершите сессию.',
    stop: 'Завершить',
    stopping: 'Завершаем…',
    stopFailed: 'Не удалось завершить: нет связи с сервером. Попробуйте ещё раз.',
  },
  toHome: 'На главную',

  tabs: {
    label: 'Главные разделы',
    today: 'Сегодня',
    roster: 'Спортсмены',
    calendar: 'Календарь',
    club: 'Клуб',
    me: 'Расписание',
    book: 'Записаться',
    bookings: 'Записи',
    purchases: 'Покупки',
    more: 'Ещё',
  },

  signIn: {
    title: 'Вход',
    signUpTitle: 'Регистрация',
    email: 'Email',
    password: 'Пароль',
    displayName: 'Имя и фамилия',
    displayNameHint: 'Так вас увидят тренеры и спортсмены',
    passwordHint: 'Не короче 6 символов',
    submit: 'Войти',
    submitSignUp: 'Зарегистрироваться',
    toSignUp: 'Нет аккаунта? Зарегистрироваться',
    toSignIn: 'Уже есть аккаунт? Войти',
    checkEmail: 'Мы отправили письмо для подтверждения. Откройте ссылку из письма и войдите.',
  },

  home: {
    title: 'Мои организации',
    empty: 'Вы пока не состоите ни в одной организации.',
    emptyHint: 'Создайте свою или примите приглашение от клуба.',
    role: 'Роль',
    left: 'Вы покинули организацию',
    create: 'Создать организацию',
    accept: 'Принять приглашение',
    signOut: 'Выйти',
    signedInAs: (who: string) => `Вы вошли как ${who}`,
    loadFailed: 'Не удалось загрузить организации',
    retry: 'Повторить',
    nav: { coaching: 'Тренировки', mine: 'Мои занятия', settings: 'Настройки' },
  },

  createOrganization: {
    title: 'Новая организация',
    name: 'Название',
    slug: 'Короткий адрес',
    slugHint: 'Латиница, цифры и дефис, например dinamo-spb',
    kind: 'Тип',
    timeZone: 'Часовой пояс',
    timeZoneHint: 'IANA, например Europe/Moscow',
    locale: 'Язык',
    submit: 'Создать',
    created: (name: string) => `Организация «${name}» создана`,
  },

  acceptInvitation: {
    title: 'Приглашение',
    code: 'Код или ссылка приглашения',
    codeHint: 'Вставьте код из письма или всю ссылку',
    submit: 'Принять',
    accepted: 'Приглашение принято',
  },

  notFound: {
    title: 'Страница не найдена',
    home: 'На главную',
  },

  back: 'Назад',

  field: {
    show: 'Показать',
    hide: 'Скрыть',
  },

  validation: {
    required: 'Заполните поле',
    email: 'Введите email, например coach@example.com',
    passwordTooShort: 'Пароль должен быть не короче 6 символов',
    slug: 'Только строчная латиница, цифры и дефис внутри, от 3 до 63 символов',
    timeZone: 'Неизвестный часовой пояс',
    tooLong: (max: number) => `Не длиннее ${max} символов`,
  },

  kindName: (kind: string) => kindNames[kind] ?? kind,
  roleName: (role: string) => roleNames[role] ?? role,
} as const);
