// Russian copy of a course's public page (English in course-page-strings.en.ts).

export const coursePageStrings = {
  back: (coach: string) => `← ${coach}`,
  title: (course: string, coach: string) => `${course} — онлайн-курс, ${coach}`,
  coverAlt: (course: string) => `Обложка курса «${course}»`,
  lessons: 'Уроки',
  lessonCount: (n: number) => `Уроков: ${n}`,
  kind: { text: 'Текст', video: 'Видео', audio: 'Аудио' },
  preview: 'Бесплатный урок',
  quiz: 'тест',
  dripDays: (n: number) => `откроется через ${n} дн. после начала`,
  inOrder: 'Уроки открываются по порядку: следующий — после предыдущего.',
  previewHeading: 'Бесплатные уроки',
  mediaOffline: 'Видео или аудио сейчас недоступно. Обновите страницу позже.',
  access: {
    paid: (price: string) => `Цена: ${price}`,
    free: 'Курс бесплатный. Войдите или создайте аккаунт, чтобы начать.',
    members: (club: string | null) =>
      club
        ? `Курс для участников клуба «${club}». Войдите, чтобы начать.`
        : 'Курс для участников клуба. Войдите, чтобы начать.',
    email: 'Курс бесплатный: укажите email, и мы пришлём ссылку на него.',
  },
  credits: (n: number, days: number) => `Вместе с курсом — занятий: ${n} (действуют ${days} дн.).`,
  buy: 'Купить курс',
  start: 'Начать курс',
  signIn: 'Войти',
  form: {
    email: 'Email',
    name: 'Имя (необязательно)',
    honeypot: 'Не заполняйте это поле',
    submit: 'Получить курс',
  },
  sent: 'Готово! Мы отправили письмо со ссылкой на курс. Проверьте почту (и папку «Спам»).',
  errors: {
    course_not_found: 'Этот курс больше не доступен.',
    course_not_email: 'Этот курс не выдаётся по email.',
    other: 'Не получилось. Проверьте адрес и попробуйте ещё раз.',
  } as Record<string, string>,
  footer: 'Онлайн-курс на Trackside',
};

export type CoursePageStrings = typeof coursePageStrings;
