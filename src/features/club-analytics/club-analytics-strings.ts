/** Russian copy for the club dashboard (aggregate figures for owners and admins). */
import { localized } from '../../i18n/localized.ts';

export const clubAnalyticsStrings = localized('clubAnalytics', {
  title: 'Аналитика клуба',
  intro:
    'Только общие числа по клубу и группам — ни одного спортсмена по имени. Числа пересчитываются раз в час и хранятся на устройстве, поэтому видны и без сети.',
  changedAt: (at: string) => `Числа последний раз менялись: ${at}`,
  offline: (at: string) =>
    `Нет сети: показаны числа, сохранённые на устройстве (последнее изменение — ${at}).`,
  nothingYet: 'Чисел пока нет: они появятся после первого пересчёта (раз в час) и синхронизации.',
  csv: 'Скачать CSV',
  hidden: 'скрыто',
  hiddenLong: 'скрыто: меньше 5 человек или позволяет вычислить такое число',
  hiddenNote:
    '«Скрыто» — число посчитано меньше чем по 5 людям, или по нему вместе с итогом и соседними числами можно было бы вычислить такое. Так по общим числам нельзя узнать ничего об одном спортсмене.',
  people: (n: number) => `${n} чел.`,
  club: 'Весь клуб',
  noGroup: 'Без группы',
  total: 'Итого',
  totalIn: (currency: string) => `Итого, ${currency}`,
  period: 'Период',
  season: 'Сезон',
  rank: 'Разряд',
  noData: 'За эти месяцы данных нет.',
  members: {
    title: 'Спортсмены клуба',
    caption: 'Активные спортсмены на конец месяца',
    series: 'Спортсменов',
  },
  attendance: {
    title: 'Посещаемость по группам',
    caption: 'Доля отметок «был» среди всех отметок за месяц, %',
  },
  ranks: {
    title: 'Новые разряды за сезон',
    caption: 'Сколько спортсменов получили разряд выше прежнего',
  },
  revenue: {
    title: 'Выручка по товарам',
    caption: 'Оплаты за месяц за вычетом возвратов',
  },
  csvHead: {
    figure: 'Показатель',
    period: 'Период',
    dimension: 'Разрез',
    value: 'Значение',
    people: 'Человек',
    currency: 'Валюта',
    status: 'Статус',
  },
  csvFile: (date: string) => `club-analytics-${date}`,
});
