/**
 * The vocabulary page's calls (GET/POST /api/factors, PATCH/merge/split/retire/restore), besides
 * those the review screen already makes (reviewApi: the list, a new factor, a merge).
 */
import type { z } from 'zod';
import type {
  EditFactorBody,
  SplitFactorBody,
  SplitResult,
  VocabularyFactor,
} from '../../contract/factors.ts';
import type { OverlapCards } from '../../contract/overlap.ts';
import { call } from '../http.ts';

const enc = encodeURIComponent;
const factor = (id: string) => `/api/factors/${enc(id)}`;

export type FactorEdit = z.input<typeof EditFactorBody>;
export type FactorSplit = z.input<typeof SplitFactorBody>;

export const vocabularyApi = {
  edit: (id: string, body: FactorEdit) => call<VocabularyFactor>('PATCH', factor(id), body),
  split: (id: string, body: FactorSplit) =>
    call<z.infer<typeof SplitResult>>('POST', `${factor(id)}/split`, body),
  retire: (id: string) => call<VocabularyFactor>('POST', `${factor(id)}/retire`),
  restore: (id: string) => call<VocabularyFactor>('POST', `${factor(id)}/restore`),
  /** The coalition's cards whose confirmed factor this is (at most 200). */
  cards: (id: string, signal?: AbortSignal) =>
    call<OverlapCards>('GET', `/api/overlap/cards?factor=${enc(id)}`, undefined, signal),
};
