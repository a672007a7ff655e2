import type { contactsStrings } from './contacts-strings.ts';
import type { Translation } from '../../i18n/localized.ts';

export const contacts: Translation<typeof contactsStrings> = {
  title: 'Contacts',
  staffOnly: "Seen only by the group's coaches and the club's admins, not by the athlete.",
  guardian: 'Parent or guardian',
  guardianName: "Parent's or guardian's name",
  guardianPhone: "Parent's phone",
  guardianEmail: "Parent's email",
  phone: "Athlete's phone",
  birthDate: 'Date of birth',
  phoneHint: 'E.g. +7 916 123-45-67',
  save: 'Update contacts',
  saved: 'Contacts saved. They will reach the server as soon as they can.',
};
