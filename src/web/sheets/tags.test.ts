import { describe, expect, it } from 'vitest';
import { CardTags } from '../../contract/cards.ts';
import en from '../i18n/en.json';
import th from '../i18n/th.json';
import { refusal } from './labels.ts';
import { TAG_GROUPS, canonicalTags, emptyTags, tagCount, toggleTag } from '../../core/cards.ts';

describe('card tags on the web', () => {
  it('offers exactly the contract’s lists, every code labelled in English and Thai', () => {
    const shape = CardTags.shape;
    expect(TAG_GROUPS.map((g) => g.group).sort()).toEqual(Object.keys(shape).sort());
    for (const { group, codes } of TAG_GROUPS) {
      expect(codes, group).toEqual(shape[group].removeDefault().element.options);
      for (const lang of [en, th])
        expect(Object.keys(lang.sheets.tags[group]).sort(), group).toEqual([...codes].sort());
    }
  });

  it('keeps each list in vocabulary order with each code once; toggling adds and removes', () => {
    expect(
      canonicalTags({
        populations: ['women', 'children', 'women'],
        ilo: ['isolation', 'deception'],
      }),
    ).toEqual({
      forms: [],
      sectors: [],
      populations: ['children', 'women'],
      ilo: ['deception', 'isolation'],
    });
    const one = toggleTag(emptyTags(), 'sectors', 'Fishing');
    expect(one.sectors).toEqual(['Fishing']);
    expect(tagCount(one)).toBe(1);
    expect(toggleTag(one, 'sectors', 'Fishing')).toEqual(emptyTags());
  });

  it('says why the server refused in the reader’s words, naming a bad field', () => {
    const t = ((key: string, o?: Record<string, string>) =>
      `${key}${o ? JSON.stringify(o) : ''}`) as unknown as Parameters<typeof refusal>[0];
    expect(refusal(t, { error: 'not_host', message: 'Only…' })).toBe(
      'sheets.phone.rejected{"message":"sheets.phone.reasons.not_host"}',
    );
    expect(
      refusal(t, {
        error: 'invalid_intent',
        message: 'IGNORED: not parsed',
        field: 'tags.forms.0',
      }),
    ).toContain('{\\"field\\":\\"tags.forms.0\\"}');
    expect(
      refusal(t, {
        error: 'invalid_intent',
        message: 'text: Too big',
        field: 'text',
        code: 'too_long',
        params: { maximum: 280 },
      }),
    ).toContain('errors.field.too_long{\\"minimum\\":\\"\\",\\"maximum\\":\\"280\\"');
    expect(refusal(t, { error: 'something_new', message: 'As the server says.' })).toContain(
      'As the server says.',
    );
  });
});
