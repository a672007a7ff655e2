// The storefront feature's public entry: what other features may use.
export { storefrontStrings } from './storefront-strings.ts';
