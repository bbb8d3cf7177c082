export * from './countries.ts';
export * from './places.ts';
export * from './search.ts';
export { normalizeName } from './normalize.ts';
