/** The members page's, invitation page's, reset page's and second factor's calls. */
import type {
  InvitationPreview,
  InviteAnswer,
  InviteRequest,
  Member,
  MemberList,
  MemberPatch,
  RecoveryCodes,
  TotpSetup,
} from '../../contract/members.ts';
import { call } from '../http.ts';

const id = (s: string) => encodeURIComponent(s);
type Ok = { ok: true };

export const membersApi = {
  list: (signal?: AbortSignal) => call<MemberList>('GET', '/api/members', undefined, signal),
  change: (userId: string, patch: MemberPatch) =>
    call<Member>('PATCH', `/api/members/${id(userId)}`, patch),
  remove: (userId: string) => call<Ok>('DELETE', `/api/members/${id(userId)}`),
  invite: (body: InviteRequest) => call<InviteAnswer>('POST', '/api/invitations', body),
  withdraw: (invitationId: string) => call<Ok>('DELETE', `/api/invitations/${id(invitationId)}`),

  preview: (token: string) =>
    call<InvitationPreview>('POST', '/api/invitations/preview', { token }),
  accept: (body: { token: string; password: string; displayName?: string }) =>
    call<Ok>('POST', '/api/invitations/accept', body),

  requestReset: (email: string) => call<Ok>('POST', '/api/auth/reset/request', { email }),
  completeReset: (token: string, password: string) =>
    call<Ok>('POST', '/api/auth/reset/complete', { token, password }),

  secondFactor: (signal?: AbortSignal) =>
    call<{ enabled: boolean }>('GET', '/api/auth/second-factor', undefined, signal),
  setupSecondFactor: () => call<TotpSetup>('POST', '/api/auth/second-factor/setup'),
  confirmSecondFactor: (code: string) =>
    call<RecoveryCodes>('POST', '/api/auth/second-factor/confirm', { code }),
  disableSecondFactor: (code: string) =>
    call<Ok>('POST', '/api/auth/second-factor/disable', { code }),
};

/** The token of an invitation or reset link: after `#`, so it never reaches a server log. */
export function tokenFromHash(): string {
  return location.hash.replace(/^#/, '');
}
