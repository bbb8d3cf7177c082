import {
  FORMS_OF_EXPLOITATION,
  KINDS_OF_WORK,
  LABOUR_SECTORS,
  POPULATIONS,
} from '../../contract/vocab.ts';
import type { Query } from './api.ts';

/** The atlas's filters live in the URL: a view can be bookmarked, shared and put on a projector. */
export const FILTERS = {
  form: FORMS_OF_EXPLOITATION,
  sector: LABOUR_SECTORS,
  population: POPULATIONS,
  kind: KINDS_OF_WORK,
  confidence: ['confirmed', 'likely', 'suspected'],
} as const;
export type FilterName = keyof typeof FILTERS;

export function filtersFrom(params: URLSearchParams): Query {
  const q: Query = {};
  for (const [name, codes] of Object.entries(FILTERS)) {
    const v = params.get(name);
    if (v && (codes as readonly string[]).includes(v)) q[name] = v;
  }
  for (const y of ['yearFrom', 'yearTo']) {
    const v = params.get(y);
    if (v && /^(19[5-9]\d|20\d\d)$/.test(v)) q[y] = v;
  }
  if (params.get('view') === 'public') q.view = 'public';
  return q;
}
