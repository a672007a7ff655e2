// The club admin feature's public entry: what other features may use.
export { adminStrings } from './admin-strings.ts';
export { adminTitles } from './admin-titles.ts';
