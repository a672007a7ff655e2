// The plans feature's public entry: what other features may use.
export { plansStrings } from './plans-strings.ts';
// the athlete page's plans and one-to-one coaches section (registers <athlete-plans>)
export { AthletePlans } from './athlete-plans.ts';
