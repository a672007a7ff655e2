// The club dashboard's public entry: what other features may use.
export { clubAnalyticsStrings } from './club-analytics-strings.ts';
