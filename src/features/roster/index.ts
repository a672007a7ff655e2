// The roster feature's public entry: what other features may use.
export { rosterStrings } from './roster-strings.ts';
