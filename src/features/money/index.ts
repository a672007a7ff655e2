// The money feature's public entry: what other features may use.
export { moneyStrings } from './money-strings.ts';
