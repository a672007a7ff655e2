import { currentLocale } from './locale.ts';

/** a tier's name in the reader's language (partner_tiers.label_ru / label_en) */
export function tierLabel(tier: { label_ru: string; label_en: string }): string {
  return currentLocale === 'en' ? tier.label_en : tier.label_ru;
}
