/**
 * The club admin pages' titles, apart from src/admin-strings.ts so the shell
 * (which names every route) does not carry the admin screens' copy.
 */
import { localized } from '../../i18n/localized.ts';

export const adminTitles = localized('adminTitles', {
  members: 'Участники',
  invitations: 'Приглашения',
  groups: 'Группы',
} as const);
