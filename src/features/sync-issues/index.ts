// The sync issues feature's public entry: what other features may use.
export { syncStrings } from './sync-strings.ts';
