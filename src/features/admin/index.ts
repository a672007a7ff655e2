// The club admin feature's public entry: what other features may use.
export { adminStrings } from './admin-strings.ts';
export { adminTitles } from './admin-titles.ts';
export type { AdminData } from './admin-data.ts';
export type { AdminSection } from './admin-chrome.ts';
/**
 * the admin screens' chrome (gate, header, styles) for a screen of another
 * feature among them; loaded on demand, so the shell, which imports this entry,
 * does not carry it
 */
export const loadAdminChrome = () => import('./admin-chrome.ts');
