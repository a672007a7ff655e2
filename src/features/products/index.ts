// The products feature's public entry: what other features may use.
export { productsStrings } from './products-strings.ts';
