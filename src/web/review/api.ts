/** The review screen's calls: the review list, assignments, and the coalition's vocabulary. */
import type {
  FactorAssignment,
  FactorReview,
  NewFactorBody,
  Vocabulary,
  VocabularyFactor,
} from '../../contract/factors.ts';
import { call } from '../http.ts';

const enc = encodeURIComponent;
const card = (eventId: string, cardId: string) =>
  `/api/events/${enc(eventId)}/cards/${enc(cardId)}/factor`;

export const reviewApi = {
  review: (eventId: string, signal?: AbortSignal) =>
    call<FactorReview>('GET', `/api/events/${enc(eventId)}/factors/review`, undefined, signal),
  assign: (eventId: string, cardId: string, factor: string | null) =>
    call<FactorAssignment>('PUT', card(eventId, cardId), { factor }),
  undo: (eventId: string, cardId: string) =>
    call<FactorAssignment>('POST', `${card(eventId, cardId)}/undo`),
  vocabulary: (signal?: AbortSignal) => call<Vocabulary>('GET', '/api/factors', undefined, signal),
  create: (body: NewFactorBody) => call<VocabularyFactor>('POST', '/api/factors', body),
  merge: (from: string, into: string) =>
    call<{ moved: number; into: VocabularyFactor }>('POST', `/api/factors/${enc(from)}/merge`, {
      into,
    }),
};
