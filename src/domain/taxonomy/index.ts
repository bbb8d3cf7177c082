export * from './codes.ts';
export * from './issues.ts';
