import type { clubAnalyticsStrings } from './club-analytics-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const clubAnalytics: Translation<typeof clubAnalyticsStrings> = {
  title: 'Club analytics',
  intro:
    'Only totals for the club and its groups — no athlete by name. The figures are recomputed hourly and kept on this device, so they show offline too.',
  changedAt: (at) => `Figures last changed: ${at}`,
  offline: (at) => `Offline: showing the figures kept on this device (last changed ${at}).`,
  nothingYet: 'No figures yet: they appear after the first hourly recount and a sync.',
  csv: 'Download CSV',
  hidden: 'hidden',
  hiddenLong: 'hidden: fewer than 5 people, or it would give such a figure away',
  hiddenShort:
    '“Hidden”: fewer than 5 people, or it would let someone work out such a figure (see above).',
  hiddenNote:
    '“Hidden” means the figure comes from fewer than 5 people, or together with the total and the figures beside it would let someone work out such a figure. So no single athlete can be learned about from these totals.',
  people: (n) => `${n} people`,
  club: 'Whole club',
  noGroup: 'No group',
  total: 'Total',
  totalIn: (currency) => `Total, ${currency}`,
  period: 'Period',
  season: 'Season',
  rank: 'Rank',
  noData: 'No data for these months.',
  members: {
    title: 'Club athletes',
    caption: 'Active athletes at the end of each month',
    series: 'Athletes',
  },
  attendance: {
    title: 'Attendance by group',
    caption: 'Share of “present” among all marks of the month, %',
  },
  ranks: {
    title: 'New ranks this season',
    caption: 'Athletes who reached a rank above their previous one',
  },
  revenue: {
    title: 'Revenue by product',
    caption: 'Payments of the month minus refunds',
  },
  csvHead: {
    figure: 'Figure',
    period: 'Period',
    dimension: 'Breakdown',
    value: 'Value',
    people: 'People',
    currency: 'Currency',
    status: 'Status',
  },
  csvFile: (date) => `club-analytics-${date}`,
};
