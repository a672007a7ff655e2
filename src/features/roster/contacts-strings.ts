/** Russian copy for an athlete's contacts (staff only) on the athlete page. */
import { localized } from '../../i18n/localized.ts';
export const contactsStrings = localized('contacts', {
  title: 'Контакты',
  staffOnly: 'Видят только тренеры группы и администраторы клуба, не сам спортсмен.',
  guardian: 'Родитель или опекун',
  guardianName: 'Имя родителя или опекуна',
  guardianPhone: 'Телефон родителя',
  guardianEmail: 'Почта родителя',
  phone: 'Телефон спортсмена',
  birthDate: 'Дата рождения',
  phoneHint: 'Например: +7 916 123-45-67',
  save: 'Записать контакты',
  saved: 'Контакты сохранены. Отправятся на сервер при первой возможности.',
} as const);
