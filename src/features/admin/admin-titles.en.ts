import type { adminTitles as source } from './admin-titles.ts';
import type { Translation } from '../../i18n/localized.ts';

export const adminTitles: Translation<typeof source> = {
  members: 'Members',
  invitations: 'Invitations',
  groups: 'Groups',
};
