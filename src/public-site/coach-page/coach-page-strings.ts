// Russian copy of a coach's public page (the source language; English in
// coach-page-strings.en.ts). Plain objects: the page is rendered on a server
// per request, so the language is chosen per call, not held globally.

export const coachPageStrings = {
  /** <title> and og:title */
  title: (name: string, sports: readonly string[]) =>
    sports.length > 0 ? `${name} — тренер: ${sports.join(', ')}` : `${name} — тренер`,
  /** meta description when the coach wrote no bio */
  description: (name: string, club: string | null, place: string | null) =>
    [`${name}, тренер`, club, place].filter(Boolean).join(' · ') +
    '. Запись на тренировки и покупка занятий онлайн.',
  languageNav: 'Язык страницы',
  club: 'Клуб',
  place: 'Где',
  sports: 'Виды спорта',
  book: {
    heading: 'Записаться',
    cta: 'Записаться',
    free: 'Бесплатно',
    noTime: 'Сейчас нет свободного времени для записи. Загляните позже.',
  },
  buy: {
    heading: 'Купить',
    cta: 'Купить',
    package: (credits: number, days: number) => `Занятий: ${credits} · действует ${days} дн.`,
  },
  courses: {
    heading: 'Онлайн-курсы',
    lessons: (n: number) => `Уроков: ${n}`,
    previews: (n: number) => `бесплатных: ${n}`,
    access: {
      free: 'Бесплатно',
      email: 'Бесплатно по email',
      members: 'Для участников клуба',
      paid: '',
    },
    buy: 'Купить',
    more: 'Подробнее',
  },
  nothingOffered: 'Тренер пока ничего не предлагает онлайн.',
  about: 'О тренере',
  certifications: 'Квалификация',
  languages: 'Языки',
  duration: (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return [h > 0 ? `${h} ч` : '', m > 0 ? `${m} мин` : ''].filter(Boolean).join(' ');
  },
  photoAlt: (name: string) => `Фото: ${name}`,
  footer: 'Страница тренера на Trackside',
  /** the band of a club a white-label partner manages */
  brand: (name: string) => `«${name}» — партнёр Trackside`,
  notFound: {
    title: 'Страница не найдена',
    text: 'По этому адресу нет страницы тренера. Проверьте ссылку — возможно, в ней опечатка.',
  },
  unavailable: {
    title: 'Страница временно недоступна',
    text: 'Не удалось загрузить страницу тренера. Попробуйте обновить её через минуту.',
  },
};

export type CoachPageStrings = typeof coachPageStrings;
