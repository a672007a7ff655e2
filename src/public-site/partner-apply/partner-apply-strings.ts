// The partner application pages' words in Russian (English: partner-apply-strings.en.ts).
import type {
  ApplicationField,
  CompanySize,
  FieldProblem,
  PartnershipType,
} from '../../domain/partner-application.ts';

export const partnerApplyStrings = {
  lang: 'ru' as 'ru' | 'en',
  title: 'Заявка в партнёрскую программу Trackside',
  intro:
    'Продаёте Trackside клубам и школам, рекомендуете его или подключаете к нему свой продукт? Расскажите о компании — мы ответим на указанную почту.',
  steps:
    'После отправки придёт письмо со ссылкой: заявка будет создана, только когда вы подтвердите адрес.',
  required: 'обязательно',
  optional: 'необязательно',
  sections: { company: 'Компания', contact: 'Контакт', partnership: 'Сотрудничество' },
  labels: {
    company_name: 'Название компании',
    contact_name: 'Ваше имя',
    contact_email: 'Эл. почта',
    contact_phone: 'Телефон',
    website: 'Сайт',
    partnership_type: 'Тип партнёрства',
    company_size: 'Размер компании',
    industry: 'Отрасль',
    current_solutions: 'Какими решениями вы пользуетесь сейчас',
    target_market: 'Ваш рынок и клиенты',
    motivation: 'Почему вы хотите стать партнёром',
    additional_information: 'Что ещё нам стоит знать',
  } satisfies Record<ApplicationField, string>,
  hints: {
    contact_email: 'Сюда придёт ссылка для подтверждения и наш ответ',
    website: 'Например, example.ru — https:// добавим сами',
    target_market: 'Например: детские спортивные школы Поволжья',
    motivation: 'Не меньше 20 знаков',
  } as Partial<Record<ApplicationField, string>>,
  types: {
    reseller: 'Реселлер — продаю Trackside клубам и веду их',
    referral: 'Реферальный партнёр — рекомендую Trackside клубам',
    technology: 'Технологический партнёр — подключаю свой продукт (хронометраж и т. п.)',
  } satisfies Record<PartnershipType, string>,
  sizes: {
    '1-10': '1–10 сотрудников',
    '11-50': '11–50 сотрудников',
    '51-200': '51–200 сотрудников',
    '201-500': '201–500 сотрудников',
    '501+': 'больше 500 сотрудников',
  } satisfies Record<CompanySize, string>,
  choose: 'Выберите…',
  honeypot: 'Оставьте это поле пустым',
  submit: 'Отправить заявку',
  sending: 'Отправляем…',
  problem: (
    field: ApplicationField,
    problem: FieldProblem,
    bounds: readonly [number, number],
  ): string => {
    if (problem === 'required') return 'Заполните это поле.';
    if (problem === 'choice') return 'Выберите один из вариантов.';
    if (problem === 'short') return `Слишком коротко: нужно не меньше ${bounds[0]} знаков.`;
    if (problem === 'long') return `Слишком длинно: не больше ${bounds[1]} знаков.`;
    if (problem === 'characters') return 'Уберите невидимые и управляющие символы.';
    if (field === 'contact_email') return 'Укажите адрес вида name@example.ru латиницей.';
    if (field === 'contact_phone') return 'Только цифры, пробелы, скобки, дефисы и «+» в начале.';
    if (field === 'website') return 'Укажите адрес сайта вида https://example.ru.';
    return 'Проверьте значение.';
  },
  summary: (n: number) => (n === 1 ? 'Проверьте одно поле:' : `Проверьте поля (${n}):`),
  refilled:
    'Браузер без JavaScript не сохранил ответы: вернитесь «Назад», чтобы поправить их, или заполните форму снова.',
  tooMany: 'Слишком много попыток. Попробуйте позже.',
  failed: 'Не получилось отправить заявку. Попробуйте ещё раз.',
  sentTitle: 'Проверьте почту',
  sent: 'Мы отправили письмо со ссылкой на указанный адрес. Откройте её и нажмите «Подтвердить заявку» — только тогда заявка попадёт к нам. Ссылка действует 24 часа.',
  sentNote:
    'Письма нет? Проверьте «Спам». Повторная отправка в течение суток нового письма не пришлёт.',
  again: 'Заполнить ещё одну заявку',
  confirmTitle: 'Подтверждение заявки',
  confirmText: 'Нажмите кнопку, чтобы подтвердить адрес и отправить заявку на рассмотрение.',
  confirmButton: 'Подтвердить заявку',
  done: {
    confirmed:
      'Заявка подтверждена и отправлена. Мы прислали письмо о получении и напишем, когда примем решение.',
    already_confirmed: 'Эта заявка уже подтверждена — повторять не нужно.',
    link_expired: 'Ссылка устарела: она действует 24 часа. Отправьте заявку ещё раз.',
    link_invalid:
      'Ссылка не работает. Скопируйте её из письма целиком или отправьте заявку ещё раз.',
  } as Record<string, string>,
  doneTitle: {
    confirmed: 'Заявка отправлена',
    already_confirmed: 'Уже подтверждено',
    link_expired: 'Ссылка устарела',
    link_invalid: 'Ссылка не работает',
  } as Record<string, string>,
  applyLink: 'К форме заявки',
  language: 'English',
};
export type PartnerApplyStrings = typeof partnerApplyStrings;
