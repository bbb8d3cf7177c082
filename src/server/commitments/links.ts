/**
 * What a commitment may link to, and how each kind is checked and worded (issue 14). One entry per
 * kind: a kind whose records this server does not keep answers `null`, and links of it are refused
 * naming the field.
 */
import type { CommitmentLinkInput, CommitmentLinkKind } from '../../contract/commitments.ts';
import { FORMS_OF_EXPLOITATION } from '../../contract/vocab.ts';
import { getPlace } from '../../domain/geo/places.ts';
import { can, type Actor } from '../auth/policy.ts';
import type { Db } from '../db/index.ts';
import { findCard } from '../db/repos/cards.ts';
import { findEvent } from '../db/repos/events.ts';
import { ofEvent } from '../db/repos/scoped.ts';
import { eventAccess } from '../events/service.ts';
import { coalitionFactors } from '../factors/service.ts';

type User = Extract<Actor, { kind: 'user' }>;

/** A link as stored: what it is, its event (cards, learnings, issues), its words now. */
export interface ResolvedLink {
  kind: CommitmentLinkKind;
  ref: string;
  eventId: string | null;
  label: string;
}

/** Why a link was refused (the service names the field: `links.<n>.<field>`). */
export interface LinkProblem {
  field: 'ref' | 'eventId' | 'kind';
  message: string;
}

export type LinkResult = ResolvedLink | LinkProblem;

interface Target {
  resolve(
    db: Db,
    actor: User,
    eventId: string | null,
    input: CommitmentLinkInput,
  ): Promise<LinkResult>;
}

/** The event a link names (or the commitment's), when the actor reads it. */
async function readableEvent(db: Db, actor: User, eventId: string | null) {
  if (eventId === null) return null;
  const e = await findEvent(db, eventId);
  return e && e.coalitionId === actor.coalitionId && can(actor, 'read', 'event', eventAccess(e))
    ? e
    : null;
}

const GAP_FORMS: readonly string[] = FORMS_OF_EXPLOITATION;

export const LINK_TARGETS: Record<CommitmentLinkKind, Target | null> = {
  card: {
    async resolve(db, actor, eventId, input) {
      const e = await readableEvent(db, actor, input.eventId ?? eventId);
      if (!e)
        return {
          field: 'eventId',
          message: 'a card is linked with its event: name an event of this coalition',
        };
      const card = await findCard(db, e.id, input.ref);
      if (!card || card.deleted) return { field: 'ref', message: 'is not a card of that event' };
      return { kind: 'card', ref: card.id, eventId: e.id, label: card.text };
    },
  },
  learning: {
    async resolve(db, actor, eventId, input) {
      const e = await readableEvent(db, actor, input.eventId ?? eventId);
      if (!e)
        return {
          field: 'eventId',
          message: 'a learning is linked with its event: name an event of this coalition',
        };
      const l = await ofEvent(db, 'learnings', e.id)
        .select()
        .selectAll()
        .where('id', '=', input.ref)
        .executeTakeFirst();
      const readable =
        l &&
        l.hidden === 0 &&
        can(actor, 'read', 'learning', {
          coalitionId: l.coalition_id,
          owningOrganisationId: l.organisation_id,
          visibility: l.visibility,
        });
      if (!l || !readable) return { field: 'ref', message: 'is not a learning of that event' };
      return { kind: 'learning', ref: l.id, eventId: e.id, label: l.text };
    },
  },
  gap: {
    async resolve(_db, _actor, _eventId, input) {
      const [placeId = '', form = '', ...rest] = input.ref.split('|');
      const place = getPlace(placeId);
      if (!place || rest.length || !GAP_FORMS.includes(form))
        return {
          field: 'ref',
          message: 'must name a gap as <place id>|<form of exploitation>, e.g. TH-10|ForcedLabour',
        };
      return {
        kind: 'gap',
        ref: `${place.id}|${form}`,
        eventId: null,
        label: input.label?.trim() || `${place.name}: ${form}`,
      };
    },
  },
  factor: {
    async resolve(db, actor, _eventId, input) {
      const f = (await coalitionFactors(db, actor.coalitionId)).find((x) => x.id === input.ref);
      if (!f) return { field: 'ref', message: 'is not a factor of this coalition' };
      return { kind: 'factor', ref: f.id, eventId: null, label: f.label };
    },
  },
  issue: {
    async resolve(db, actor, eventId, input) {
      const e = await readableEvent(db, actor, input.eventId ?? eventId);
      if (!e)
        return {
          field: 'eventId',
          message: 'an issue is linked with its event: name an event of this coalition',
        };
      const issue = e.issues.find((i) => i.key === input.ref);
      if (!issue) return { field: 'ref', message: 'is not an issue of that event' };
      return { kind: 'issue', ref: issue.key, eventId: e.id, label: issue.label };
    },
  },
};

export async function resolveLink(
  db: Db,
  actor: User,
  eventId: string | null,
  input: CommitmentLinkInput,
): Promise<LinkResult> {
  const target = LINK_TARGETS[input.kind];
  if (!target)
    return { field: 'kind', message: `${input.kind} links are not available on this server yet` };
  return target.resolve(db, actor, eventId, input);
}

export const isProblem = (r: LinkResult): r is LinkProblem => 'field' in r && 'message' in r;
