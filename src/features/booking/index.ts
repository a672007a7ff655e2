// The booking feature's public entry: what other features may use.
export { bookingStrings } from './booking-strings.ts';
export { clashesOf, type Clash } from './booking-clashes.ts';
