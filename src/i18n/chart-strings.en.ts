import type { chartStrings } from './chart-strings.ts';
import type { Translation } from './localized.ts';

export const chart: Translation<typeof chartStrings> = {
  showTable: 'Numbers as a table',
  labelHeading: 'Period',
  stepHeading: 'Step',
  rateOverall: 'Of the first step',
  rateFromPrevious: 'Of the previous step',
  missing: '—',
  missingNote: '“—” means there is no figure.',
  loadFailed: 'The chart did not load — the numbers are in the table below.',
};
