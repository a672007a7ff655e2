// What the shared chart (src/ui/chart-figure.ts) says around its numbers, Russian first.
import { localized } from './localized.ts';

export const chartStrings = localized('chart', {
  showTable: 'Числа таблицей',
  labelHeading: 'Период',
  stepHeading: 'Шаг',
  rateOverall: 'От первого шага',
  rateFromPrevious: 'От предыдущего шага',
  missing: '—',
  missingNote: '«—» — данных нет.',
  loadFailed: 'График не загрузился — числа в таблице ниже.',
});
