// A public page's language: `?lang=` when the link names one, then the
// browser's Accept-Language (by its q-values), Russian by default — a crawler
// that sends neither reads the Russian page.
import { type Locale, isLocale, pickLocale } from '../../domain/locale.ts';

/** the language tags of an Accept-Language header, most preferred first */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((item, index) => {
      const [tag = '', ...params] = item.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((l) => l.tag !== '' && l.tag !== '*' && l.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((l) => l.tag);
}

export function pageLocale(url: URL, acceptLanguage: string | null): Locale {
  const chosen = url.searchParams.get('lang');
  return pickLocale(isLocale(chosen) ? chosen : null, acceptedLanguages(acceptLanguage));
}
