// A coach page's address at the site's root (`/volkov`): lowercase `[a-z0-9-]`,
// 3–40 characters, no leading, trailing or doubled hyphen, never one of the
// app's own first path segments. Mirrors private.reserved_slugs() and
// private.is_valid_slug() (20261206150000_storefront_core.sql); a database test
// (tests/db/coach-slug-agreement.test.ts) keeps the two in step, and a unit test
// checks that every first segment of the app's routes and files is reserved.
import { z } from 'zod';

export {
  RESERVED_SLUGS,
  publicPageNavigation,
  isValidSlug,
  slugProblem,
  type SlugProblem,
} from './reserved-slugs.ts';
import { slugProblem } from './reserved-slugs.ts';

/** as the database stores what a coach typed (its trigger trims and lowercases) */
export function normalizeSlug(typed: string): string {
  return typed.trim().toLowerCase();
}

export const coachSlugMessages = {
  length: 'Адрес — от 3 до 40 знаков',
  shape:
    'Адрес — латинские буквы, цифры и «-»; не начинается и не кончается дефисом, без двух дефисов подряд',
  reserved: 'Этот адрес занят самим приложением',
} as const;

/** what a coach types, normalized as the database will store it, then checked */
export const coachSlugSchema = z
  .string()
  .transform(normalizeSlug)
  .superRefine((slug, ctx) => {
    const problem = slugProblem(slug);
    if (problem) ctx.addIssue({ code: 'custom', message: coachSlugMessages[problem] });
  });
