import type { ParticipantInput } from '../../contract/events.ts';
import { call, enc } from '../live/http.ts';

/** What a join code opens (GET /api/join/:code). */
export interface JoinInfo {
  eventId: string;
  name: string;
  venue: string;
  walkInsAllowed: boolean;
  roster: { id: string; name: string; organisation: string; joined: boolean }[];
}

/** A participant session bound to one event. */
export interface JoinResult {
  eventId: string;
  participantId: string;
  token: string;
  personalCode: string;
}

export type WalkIn = Pick<ParticipantInput, 'name' | 'organisation' | 'sector'> &
  Partial<Pick<ParticipantInput, 'country' | 'choices' | 'languages'>>;

/** Join codes are typed by people: ignore case, spaces and dashes. */
export const normaliseCode = (s: string) => s.replace(/[\s-]+/g, '').toUpperCase();

export const joinApi = {
  info: (code: string, signal?: AbortSignal) =>
    call<JoinInfo>('GET', `/api/join/${enc(code)}`, undefined, signal),
  claim: (code: string, participantId: string) =>
    call<JoinResult>('POST', `/api/join/${enc(code)}/claim`, { participantId }),
  register: (code: string, body: WalkIn) =>
    call<JoinResult>('POST', `/api/join/${enc(code)}/register`, body),
  rejoin: (personalCode: string) =>
    call<JoinResult>('POST', '/api/join/rejoin', { personalCode: personalCode.trim() }),
};
