import { describe, expect, it } from 'vitest';
import {
  FORMS_OF_EXPLOITATION,
  KINDS_OF_WORK,
  LANGUAGES,
  ORGANISATION_TYPES,
  POPULATIONS,
  ROLES,
  SUPPORT_SERVICES,
  VISIBILITIES,
} from '../../contract/vocab.ts';
import en from './en.json';
import th from './th.json';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const EN = leaves(en);
const TH = leaves(th);

describe('interface translations', () => {
  it('Thai has exactly the keys English has', () => {
    expect([...TH.keys()].sort()).toEqual([...EN.keys()].sort());
  });

  it('every Thai string is written in Thai (bar names and codes that stay as they are)', () => {
    const sameOnPurpose = new Set(['app.name', 'languages.en', 'languages.th', 'nav.signedInAs']);
    const untranslated = [...TH].filter(
      ([k, v]) => !sameOnPurpose.has(k) && !/[\u0E00-\u0E7F]/.test(v),
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [k, v] of EN) expect(vars(TH.get(k) ?? ''), k).toEqual(vars(v));
  });

  it('labels every code of every vocabulary, in both languages', () => {
    const vocabs = {
      type: ORGANISATION_TYPES,
      kindOfWork: KINDS_OF_WORK,
      supportService: SUPPORT_SERVICES,
      form: FORMS_OF_EXPLOITATION,
      population: POPULATIONS,
      language: LANGUAGES,
      visibility: VISIBILITIES,
    };
    for (const [name, codes] of Object.entries(vocabs)) {
      for (const code of codes) {
        expect(EN.has(`vocab.${name}.${code}`), `en vocab.${name}.${code}`).toBe(true);
        expect(TH.has(`vocab.${name}.${code}`), `th vocab.${name}.${code}`).toBe(true);
      }
      // no stale labels for codes the contract no longer has
      const labelled = [...EN.keys()].filter((k) => k.startsWith(`vocab.${name}.`));
      expect(labelled.length, name).toBe(codes.length);
    }
    for (const role of ROLES) expect(EN.has(`roles.${role}`) && TH.has(`roles.${role}`)).toBe(true);
  });
});
