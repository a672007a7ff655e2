// The clubs feature's public entry: what the shell and other features may use.
export { clubsStrings } from './clubs-strings.ts';
