// The races feature's public entry: what the shell and other features may use.
export { racesStrings } from './races-strings.ts';
export { observeHasRacePlan } from './races-local-data.ts';
