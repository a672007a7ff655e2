// The plans feature's public entry: what other features may use.
export { plansStrings } from './plans-strings.ts';

/**
 * The athlete page's plans and one-to-one coaches section (registers
 * <athlete-plans>), in its own chunk so the shell's pages that only link to the
 * plans do not carry it.
 */
export const loadAthletePlans = () => import('./athlete-plans.ts');
