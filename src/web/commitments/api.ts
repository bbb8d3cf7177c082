import type {
  CommitmentDetail,
  CommitmentDraft,
  CommitmentLinkInput,
  CommitmentList,
  CommitmentPatch,
  DigestResult,
  FollowUpList,
  Progress,
} from '../../contract/commitments.ts';
import type { CommitmentStatusCode } from '../../contract/constants.ts';
import { qs, type Query } from '../atlas/api.ts';
import { call } from '../http.ts';

const one = (id: string) => `/api/commitments/${encodeURIComponent(id)}`;

/** Commitments and roadmaps (issue 14). */
export const commitmentsApi = {
  list: (q: Query, signal?: AbortSignal) =>
    call<CommitmentList>('GET', `/api/commitments${qs(q)}`, undefined, signal),
  get: (id: string, signal?: AbortSignal) =>
    call<CommitmentDetail>('GET', one(id), undefined, signal),
  create: (body: Partial<CommitmentDraft>) =>
    call<CommitmentDetail>('POST', '/api/commitments', body),
  patch: (id: string, body: CommitmentPatch) => call<CommitmentDetail>('PATCH', one(id), body),
  update: (id: string, status: CommitmentStatusCode, note: string) =>
    call<CommitmentDetail>('POST', `${one(id)}/updates`, { status, note }),
  link: (id: string, links: CommitmentLinkInput[]) =>
    call<CommitmentDetail>('POST', `${one(id)}/links`, { links }),
  remove: (id: string) => call<undefined>('DELETE', one(id)),
  progress: (signal?: AbortSignal) =>
    call<Progress>('GET', '/api/commitments/progress', undefined, signal),
  followUp: (signal?: AbortSignal) =>
    call<FollowUpList>('GET', '/api/commitments/follow-up', undefined, signal),
  digest: (dryRun: boolean) =>
    call<DigestResult>('POST', '/api/commitments/follow-up/digest', { dryRun }),
};
