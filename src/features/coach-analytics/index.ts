// The coach analytics feature's public entry: what other features may use.
export { coachAnalyticsStrings } from './coach-analytics-strings.ts';
