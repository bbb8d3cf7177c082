import { describe, expect, it } from 'vitest';
import { suggestThemes } from './themes.ts';

describe('learning themes suggested like café factors', () => {
  const themes = [
    { id: 't-people', label: 'Invest in people' },
    { id: 't-comp', label: 'Compensation for survivors' },
  ];
  it('ranks the theme that shares words with the post first, learning from themed posts', () => {
    const posts = [
      { id: 'a', text: 'We need robust compensation mechanisms', themeId: null },
      { id: 'b', text: 'Train and invest in frontline people', themeId: null },
      { id: 'c', text: 'Technology to disrupt online recruitment', themeId: 't-people' },
      { id: 'd', text: 'online recruitment moves to messaging apps', themeId: null },
    ];
    const s = suggestThemes(themes, posts);
    expect(s.get('a')?.[0]?.factor).toBe('t-comp');
    expect(s.get('b')?.[0]?.factor).toBe('t-people');
    // learnt from post c, which a facilitator put in "Invest in people"
    expect(s.get('d')?.[0]?.factor).toBe('t-people');
    expect(s.has('c')).toBe(false);
  });
  it('suggests nothing without themes, and nothing for a post sharing no word', () => {
    expect(suggestThemes([], [{ id: 'a', text: 'x', themeId: null }]).size).toBe(0);
    expect(suggestThemes(themes, [{ id: 'z', text: 'zzz qqq', themeId: null }]).get('z')).toEqual(
      [],
    );
  });
});
