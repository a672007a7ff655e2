// The interface languages. Russian is the source: the data formats (schedules
// "Пн 18:00", ranks "КМС") are Russian whatever the interface speaks.

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const SOURCE_LOCALE: Locale = 'ru';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language to show: the user's own choice when they made one, otherwise the
 * first of the browser's preferred languages we speak ("en-US" → en), otherwise
 * Russian.
 */
export function pickLocale(chosen: string | null, preferred: readonly string[]): Locale {
  if (isLocale(chosen)) return chosen;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLocale(primary)) return primary;
  }
  return SOURCE_LOCALE;
}

/** the BCP 47 tag for Intl formatting (24-hour clocks and day-first dates in both) */
export function intlTag(locale: Locale): string {
  return locale === 'ru' ? 'ru-RU' : 'en-GB';
}

/** each language by its own name, as a language menu shows it */
export const LOCALE_NAMES: Record<Locale, string> = { ru: 'Русский', en: 'English' };

/** the language a two-language switch offers from `locale` */
export function otherLocale(locale: Locale): Locale {
  return locale === 'ru' ? 'en' : 'ru';
}
