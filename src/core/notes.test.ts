import { describe, expect, it } from 'vitest';
import { findPersonalData } from './notes.ts';

describe('notes that could identify a person', () => {
  it.each([
    ['Call +66 81 234 5678 for details', 'phone'],
    ['broker reachable on 0812345678', 'phone'],
    ['contact broker@example.com', 'email'],
    ['recruited by Mr Somchai at the market', 'name'],
    ['the girl named Aye Aye was moved at night', 'name'],
    ['นางสาวสมศรี ถูกพาไป', 'name'],
  ])('warns on %s', (text, kind) => {
    expect(findPersonalData(text).map((f) => f.kind)).toContain(kind);
  });

  it.each([
    'Recruitment through brokers promising factory work 2019-2023.',
    'Debt bondage on fishing vessels; documents retained.',
    'Crossing at Mae Sot by van, 3 to 5 people per trip',
  ])('stays quiet on a pattern: %s', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});
