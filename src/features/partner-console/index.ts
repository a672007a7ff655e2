// The reseller console's public entry: what other features may use.
export { partnerConsoleStrings } from './partner-console-strings.ts';
