// The athlete's own pages' public entry: what other features may use.
export { meStrings } from './me-strings.ts';
