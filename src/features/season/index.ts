// The season rollover's public entry: what other features may use.
export { seasonStrings } from './season-strings.ts';
