/** The events calls of the set-up pages and the console. Types come from the contract. */
import type { z } from 'zod';
import type {
  EventCreate,
  EventDetail,
  EventIssue,
  EventList,
  EventSessionInput,
  ExpertiseGroup,
  Participant,
  ParticipantInput,
  PlanProgress,
  ParticipantImportResult,
  SessionRules,
  SwapWarning,
} from '../../contract/events.ts';
import type { ImportChoices, ImportRequest } from '../../contract/imports.ts';
import type { PlanRestoreResult, PlanVersionList } from '../../contract/plans.ts';
import { call, enc } from '../live/http.ts';

export type EventDraft = Partial<z.input<typeof EventCreate>>;
export type EventPatch = Partial<{
  name: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  walkInsAllowed: boolean;
  issues: EventIssue[];
  expertiseGroups: ExpertiseGroup[];
}>;
export type SessionDraft = z.input<typeof EventSessionInput>;
export type ParticipantDraft = Partial<z.input<typeof ParticipantInput>>;

export type RosterPreview = z.infer<typeof ParticipantImportResult>;
export type RosterImportBody = Omit<z.input<typeof ImportRequest>, 'choices'> & {
  choices: ImportChoices;
};

const base = (id: string) => `/api/events/${enc(id)}`;

export const eventsApi = {
  list: (signal?: AbortSignal) =>
    call<z.infer<typeof EventList>>('GET', '/api/events', undefined, signal),
  create: (body: EventDraft) => call<EventDetail>('POST', '/api/events', body),
  get: (id: string, signal?: AbortSignal) => call<EventDetail>('GET', base(id), undefined, signal),
  update: (id: string, body: EventPatch) => call<EventDetail>('PATCH', base(id), body),
  setTables: (id: string, tables: { id?: string; name: string; capacity: number }[]) =>
    call<EventDetail>('PUT', `${base(id)}/tables`, { tables }),
  setHost: (id: string, tableId: string, participantId: string | null) =>
    call<EventDetail>('PUT', `${base(id)}/tables/${enc(tableId)}/host`, { participantId }),
  participants: (id: string, signal?: AbortSignal) =>
    call<{ items: Participant[] }>('GET', `${base(id)}/participants`, undefined, signal),
  addParticipant: (id: string, body: ParticipantDraft) =>
    call<Participant>('POST', `${base(id)}/participants`, body),
  /** Removes someone; a session under way re-plans its rounds still to come without them. */
  removeParticipant: (id: string, participantId: string) =>
    call<EventDetail>('DELETE', `${base(id)}/participants/${enc(participantId)}`),
  importRoster: (id: string, body: RosterImportBody) =>
    call<RosterPreview>('POST', `${base(id)}/participants/import`, body),
  addSession: (id: string, body: SessionDraft) =>
    call<EventDetail>('POST', `${base(id)}/sessions`, body),
  deleteSession: (id: string, sessionId: string) =>
    call<EventDetail>('DELETE', `${base(id)}/sessions/${enc(sessionId)}`),
  setRules: (id: string, sessionId: string, rules: SessionRules) =>
    call<EventDetail>('PUT', `${base(id)}/sessions/${enc(sessionId)}/rules`, rules),
  plan: (id: string, sessionId: string, body: { seed?: number; timeLimitSeconds?: number } = {}) =>
    call<EventDetail>('POST', `${base(id)}/sessions/${enc(sessionId)}/plan`, body),
  /** The plan (or re-plan) being computed for a session, polled while the console waits. */
  planProgress: (id: string, sessionId: string, signal?: AbortSignal) =>
    call<PlanProgress>('GET', `${base(id)}/sessions/${enc(sessionId)}/plan`, undefined, signal),
  cancelPlan: (id: string, sessionId: string) =>
    call<{ cancelled: boolean }>('DELETE', `${base(id)}/sessions/${enc(sessionId)}/plan`),
  swap: (
    id: string,
    sessionId: string,
    body: { round: number; a: string; b: string; confirm?: boolean },
  ) =>
    call<{ event: EventDetail; warnings: SwapWarning[] }>(
      'POST',
      `${base(id)}/sessions/${enc(sessionId)}/swap`,
      body,
    ),
  /** Every change to a session's plan: who, when, why. */
  planVersions: (id: string, sessionId: string, signal?: AbortSignal) =>
    call<PlanVersionList>(
      'GET',
      `${base(id)}/sessions/${enc(sessionId)}/plan/versions`,
      undefined,
      signal,
    ),
  /** Brings back a version's rounds not yet held (held rounds never change). */
  restorePlan: (id: string, sessionId: string, version: number) =>
    call<PlanRestoreResult>(
      'POST',
      `${base(id)}/sessions/${enc(sessionId)}/plan/versions/${version}/restore`,
    ),
};
