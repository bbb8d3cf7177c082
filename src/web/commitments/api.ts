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
import type { GapList } from '../../contract/atlas.ts';
import type { CommitmentStatusCode } from '../../contract/constants.ts';
import { call } from '../http.ts';

type Query = Record<string, string | undefined>;
function qs(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

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
  /** The atlas's top gaps (to link one). */
  gaps: (signal?: AbortSignal) =>
    call<GapList>('GET', '/api/atlas/gaps?level=province&limit=25', undefined, signal),
  progress: (signal?: AbortSignal) =>
    call<Progress>('GET', '/api/commitments/progress', undefined, signal),
  followUp: (signal?: AbortSignal) =>
    call<FollowUpList>('GET', '/api/commitments/follow-up', undefined, signal),
  digest: (dryRun: boolean) =>
    call<DigestResult>('POST', '/api/commitments/follow-up/digest', { dryRun }),
};
