// The reports feature's public entry: what other features may use.

/** the path of an athlete's report */
export const reportPath = (athleteId: string): string => `/roster/${athleteId}/report`;
export { reportsStrings } from './reports-strings.ts';
