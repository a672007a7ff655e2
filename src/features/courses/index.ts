// The courses feature's public entry: what other features may use.
export { coursesStrings } from './courses-strings.ts';
