export * from './codes.ts';
export * from './issues.ts';
export * from './issue-labels.ts';
