// This page load's language, prepared before the shell draws: the English
// catalogue (./english.ts, every feature's `*.en.ts`) is its own chunk.
import { prepareLocale } from '../i18n/locale.ts';

export const localeReady: Promise<void> = prepareLocale(() => import('./english.ts'));
