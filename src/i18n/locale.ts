// The interface language, chosen once per page load: the user's stored choice,
// else the browser's preference, else Russian. @lit/localize holds the locale
// (getLocale, status events for any element that listens); switching reloads the
// page so every string, including those captured in module constants and zod
// schemas, is read again in the new language.
import { configureLocalization, type LocaleModule } from '@lit/localize';
import { SOURCE_LOCALE, intlTag, pickLocale, type Locale } from '../domain/locale.ts';
import { useCatalogue } from './localized.ts';

const STORAGE_KEY = 'trackside-locale';

function storedChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: follow the browser
  }
}

/** the language of this page load */
export const currentLocale: Locale = pickLocale(storedChoice(), navigator.languages);

type Catalogue = Parameters<typeof useCatalogue>[0];

/**
 * Puts this page load's catalogue in place and settles once it is; the shell
 * draws nothing before (pages load after it, so their module constants read the
 * right language). The app passes the loader of its English catalogue, which
 * gathers every feature's `*.en.ts` in its own chunk: a Russian page load never
 * fetches it. An English catalogue that fails to load leaves the page Russian.
 */
export function prepareLocale(
  loadEnglish: () => Promise<LocaleModule & { english: Catalogue }>,
): Promise<void> {
  document.documentElement.lang = currentLocale;
  const { setLocale } = configureLocalization({
    sourceLocale: SOURCE_LOCALE,
    targetLocales: ['en'],
    loadLocale: loadEnglish,
  });
  void setLocale(currentLocale);
  return currentLocale === 'en'
    ? loadEnglish().then(
        (en) => useCatalogue(en.english),
        (error: unknown) => console.error('English catalogue failed to load', error),
      )
    : Promise.resolve();
}

/** the tag for Intl date, time and number formats */
export const currentIntlTag = intlTag(currentLocale);

/** stores the user's choice and reloads the page in that language */
export function chooseLocale(locale: Locale): void {
  if (locale === currentLocale) return;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    return; // nowhere to remember it: a reload would come back unchanged
  }
  location.reload();
}
