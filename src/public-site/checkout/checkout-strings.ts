// The public checkout page's words in Russian (English: checkout-strings.en.ts).
export const checkoutStrings = {
  lang: 'ru' as 'ru' | 'en',
  title: 'Покупка',
  from: (seller: string) => `Продаёт: ${seller}`,
  includes: 'Что входит',
  credits: (n: number) => `${n} ${plural(n, 'тренировка', 'тренировки', 'тренировок')}`,
  item: (quantity: number, name: string) => (quantity > 1 ? `${quantity} × ${name}` : name),
  validity: (days: number) => `Действует ${days} ${plural(days, 'день', 'дня', 'дней')} с оплаты`,
  price: 'Цена',
  name: 'Ваше имя',
  email: 'Эл. почта',
  emailHint: 'На неё придёт чек; под ней вы потом войдёте и увидите покупку',
  code: 'Код скидки (если есть)',
  honeypot: 'Оставьте это поле пустым',
  pay: (price: string) => `Перейти к оплате ${price}`,
  payNote:
    'Оплата картой на защищённой странице Stripe. Цена — из базы клуба, скидка по коду считается там же.',
  member: 'Уже в клубе?',
  signIn: 'Войдите, чтобы купить как участник клуба',
  canceled: 'Оплата отменена, деньги не списаны. Можно попробовать ещё раз.',
  errors: {
    invalid_discount_code:
      'Такого кода скидки нет, он больше не действует или исчерпан. Проверьте код или оставьте поле пустым.',
    product_not_found: 'Этот товар больше не продаётся.',
    nothing_to_pay: 'Со скидкой платить нечего — напишите клубу, чтобы получить покупку.',
    invalid_email: 'Проверьте адрес эл. почты.',
    invalid_name: 'Укажите имя (до 120 знаков).',
    other: 'Не получилось начать оплату. Попробуйте ещё раз.',
  } as Record<string, string>,
  notFoundTitle: 'Товар не найден',
  notFound: 'Этого товара нет в продаже: ссылка устарела или товар снят с продажи.',
  paidTitle: 'Спасибо, оплата прошла',
  paid: 'Чек придёт на указанную почту. Покупка и тренировки хранятся в аккаунте с этой почтой: если у вас его не было, мы его создали и добавили вас в клуб.',
  paidSignIn: 'Войти в приложение',
  back: 'Вернуться к товару',
};

export type CheckoutStrings = typeof checkoutStrings;

function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}
