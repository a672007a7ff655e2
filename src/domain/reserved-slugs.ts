// The slug rules without zod, for the service worker (its bundle stays small):
// the reserved first path segments (private.reserved_slugs()), the shape of a
// slug (private.is_valid_slug()) and the navigations that are coach pages.
// src/domain/coach-slug.ts re-exports them with the form's zod schema.

export const RESERVED_SLUGS: readonly string[] = [
  'about', 'account', 'admin', 'api', 'app', 'assets', 'auth', 'availability', 'book',
  'booking', 'bookings', 'calendar', 'checkout', 'club', 'clubs', 'coach', 'coaches',
  'conflicts', 'course', 'courses', 'dashboard', 'functions', 'groups', 'help', 'icons',
  'invite', 'learn', 'login', 'logout', 'mailbox', 'manifest', 'me', 'messages', 'new', 'org',
  'organizations', 'page', 'partner', 'partners', 'plans', 'platform', 'privacy', 'products', 'purchases', 'races', 'rest',
  'roster', 'season', 'seats', 'settings', 'sign-in', 'sign-out', 'sign-up', 'signin', 'signup', 'sponsors',
  'static', 'storage', 'storefront', 'support', 'sync', 'terms', 'today', 'trackside',
  'www',
]; // prettier-ignore

const reserved = new Set(RESERVED_SLUGS);

export type SlugProblem = 'length' | 'shape' | 'reserved';

/** why a (normalized) slug cannot be a page's address, or null when it can */
export function slugProblem(slug: string): SlugProblem | null {
  if (slug.length < 3 || slug.length > 40) return 'length';
  if (!/^[a-z0-9][a-z0-9-]*[a-z0-9]$/.test(slug) || slug.includes('--')) return 'shape';
  if (reserved.has(slug)) return 'reserved';
  return null;
}

export function isValidSlug(slug: string): boolean {
  return slugProblem(slug) === null;
}

/**
 * Navigations the app's service worker must leave to the network: a coach's
 * page (`/volkov`, `/Volkov?lang=en`), its booking pages (`/volkov/book`,
 * `/volkov/book/confirm`), its courses' pages (`/volkov/courses/<id>`), a
 * guest's manage pages (`/booking/<id>…`), the public checkout
 * (`/checkout/<id>…`) and the partner application's pages (`/partners/apply`,
 * `/partners/confirm`) are rendered by the server, so answering
 * them with the app's index.html would show the app's "not found" instead.
 * Matched against the path and query, as Workbox's NavigationRoute denylist is.
 */
export function publicPageNavigation(): RegExp {
  const reservedWords = RESERVED_SLUGS.map((s) => s.replace(/-/g, '\\-')).join('|');
  const coachPage = `(?!(?:${reservedWords})(?:[/?]|$))[A-Za-z0-9-]{3,40}(?:/book(?:/confirm)?|/courses/[0-9A-Fa-f-]{36}/?)?`;
  return new RegExp(
    `^/(?:${coachPage}|(?:booking|checkout)/[^?]+|partners/(?:apply|confirm)/?)(?:\\?.*)?$`,
    'i',
  );
}
