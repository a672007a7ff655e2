// The partner dashboard's public entry: what the shell and other features may use.
export { partnerDashboardStrings } from './partner-dashboard-strings.ts';
export { redeemReferral } from './redeem-referral.ts';
export { PartnerBrandMark } from './partner-brand-mark.ts';
