// A white-label partner's brand (partner_profiles.brand_*): colours are #rrggbb
// as the database's CHECK keeps them; text on a brand colour is black or white,
// whichever reads better (WCAG 2 contrast), so any colour a partner picks stays
// legible in the app bar and on a coach's page.

export const BRAND_COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;

export interface Brand {
  name: string;
  logoUrl: string | null;
  color: string | null;
  accentColor: string | null;
}

const textOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * public.club_brand's answer, or null (no brand, or not its shape). By hand, not
 * with zod: the mark is on every page of a managed club, the home page first.
 */
export function brandOf(value: unknown): Brand | null {
  if (typeof value !== 'object' || value === null) return null;
  const { name, logoUrl, color, accentColor } = value as Record<string, unknown>;
  if (typeof name !== 'string' || !textOrNull(logoUrl) || !textOrNull(color)) return null;
  if (!textOrNull(accentColor)) return null;
  return { name, logoUrl, color, accentColor };
}

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of #rrggbb */
export function luminance(color: string): number {
  const r = channel(color.slice(1, 3));
  const g = channel(color.slice(3, 5));
  const b = channel(color.slice(5, 7));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** black or white, whichever contrasts more with `background` */
export function readableTextOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff')
    ? '#000000'
    : '#ffffff';
}

/** a brand colour as stored, or null for an empty field; undefined when it is not a colour */
export function brandColorInput(raw: string): string | null | undefined {
  const value = raw.trim();
  if (value === '') return null;
  return BRAND_COLOR_PATTERN.test(value) ? value.toLowerCase() : undefined;
}

/** only https logos (and the app's own paths) are shown */
export function safeLogoUrl(url: string | null): string | null {
  if (!url) return null;
  return /^(https:\/\/|\/(?!\/))[^\s"'<>]+$/.test(url) ? url : null;
}
