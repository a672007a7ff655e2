// The results feature's public entry: what other features may use — the
// <athlete-results> section a page places under an athlete.
import './athlete-results.ts';
