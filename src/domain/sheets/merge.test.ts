import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeEdit, type CardFields } from './merge.ts';

const card = (text: string, level = 'individual', kind = 'cause'): CardFields => ({
  text,
  kind,
  level,
  tags: '{}',
});

describe('SYNC-6 concurrent card edits', () => {
  it('applies an edit made on the current version', () => {
    const r = mergeEdit(card('a'), card('a'), { text: 'b' });
    expect(r).toEqual({ next: card('b'), lost: {}, changed: true });
  });

  it('keeps the first writer on a field both changed, and hands the loser to history', () => {
    const base = card('poverty');
    const current = card('poverty and debt'); // someone else's edit landed first
    const r = mergeEdit(current, base, { text: 'poverty, no papers' });
    expect(r.next.text).toBe('poverty and debt');
    expect(r.lost).toEqual({ text: 'poverty, no papers' });
  });

  it('merges edits to different fields', () => {
    const base = card('poverty');
    const current = card('poverty and debt');
    const r = mergeEdit(current, base, { level: 'family' });
    expect(r.next).toEqual(card('poverty and debt', 'family'));
    expect(r.lost).toEqual({});
  });

  it('is deterministic and never loses a value: every edited field is either applied or kept as lost', () => {
    const fields = fc.record<CardFields>({
      text: fc.constantFrom('a', 'b', 'c'),
      kind: fc.constantFrom('cause', 'consequence'),
      level: fc.constantFrom('individual', 'family'),
      tags: fc.constant('{}'),
    });
    fc.assert(
      fc.property(
        fields,
        fields,
        fc.record({
          text: fc.option(fc.constantFrom('a', 'b', 'd'), { nil: undefined }),
          level: fc.option(fc.constantFrom('family', 'community'), { nil: undefined }),
        }),
        (current, base, edit) => {
          const r1 = mergeEdit(current, base, edit);
          expect(mergeEdit(current, base, edit)).toEqual(r1);
          for (const f of ['text', 'level'] as const) {
            const v = edit[f];
            if (v === undefined || v === current[f]) continue;
            expect(r1.next[f] === v || r1.lost[f] === v).toBe(true);
          }
        },
      ),
    );
  });
});
