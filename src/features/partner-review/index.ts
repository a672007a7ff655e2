// The review of partner applications' public entry: what other features may use.
export { partnerReviewStrings } from './partner-review-strings.ts';
