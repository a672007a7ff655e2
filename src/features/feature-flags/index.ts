// The feature flags pages' public entry: what other features and the shell may use.
export { featureFlagsStrings } from './feature-flags-strings.ts';
