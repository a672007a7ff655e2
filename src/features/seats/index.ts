// The seats feature's public entry: what the shell and other features may use.
export { seatsStrings } from './seats-strings.ts';
