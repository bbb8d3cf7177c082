import { ROLES, type Role, type Visibility } from '../../domain/taxonomy/codes.ts';
import type { Scope } from '../db/scopes.ts';

/**
 * THE policy table: the single place that decides who may do what to which record. Routes declare
 * which policy they apply; list queries turn the same rules into SQL filters (`readScopes`), so a
 * list can never show what `can` would refuse. Tests enumerate this table.
 */

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      coalitionId: string;
      role: Role;
      organisationId: string | null;
    };

export type Resource =
  | 'organisation'
  | 'event'
  | 'route'
  | 'challenge'
  | 'atlas'
  | 'member'
  | 'overlap'
  | 'factor'
  | 'pattern'
  | 'commitment'
  | 'followup'
  | 'learning'
  | 'report';
export type Action = 'read' | 'create' | 'update' | 'delete';

/** Which records a rule covers: see db/scopes.ts (repositories turn scopes into SQL filters). */
export type { Scope };

export interface Rule {
  resource: Resource;
  action: Action;
  who: Role | 'anonymous';
  scope: Scope;
}

const everyone: (Role | 'anonymous')[] = ['anonymous', 'viewer', 'member', 'coordinator', 'admin'];
const members: Role[] = ['viewer', 'member', 'coordinator', 'admin'];

export const POLICY: readonly Rule[] = [
  ...everyone.map(
    (who) => ({ resource: 'organisation', action: 'read', who, scope: 'public' }) as const,
  ),
  ...members.map(
    (who) => ({ resource: 'organisation', action: 'read', who, scope: 'coalitionShared' }) as const,
  ),
  ...members.map(
    (who) => ({ resource: 'organisation', action: 'read', who, scope: 'ownOrganisation' }) as const,
  ),
  { resource: 'organisation', action: 'read', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'read', who: 'admin', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'create', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'create', who: 'admin', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'update', who: 'member', scope: 'ownOrganisation' },
  { resource: 'organisation', action: 'update', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'update', who: 'admin', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'delete', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'organisation', action: 'delete', who: 'admin', scope: 'coalitionAll' },
  // Events (convenings) belong to the coalition; coordinators and admins set them up and run them.
  ...members.map(
    (who) => ({ resource: 'event', action: 'read', who, scope: 'coalitionShared' }) as const,
  ),
  ...(['coordinator', 'admin'] as const).flatMap((who) =>
    (['create', 'update', 'delete'] as const).map(
      (action) => ({ resource: 'event', action, who, scope: 'coalitionAll' }) as const,
    ),
  ),
  // Routes: the reporting organisation owns one. Never readable one by one outside the coalition:
  // the public sees only aggregates (`atlas`), with small counts suppressed, so no public rule here.
  ...members.flatMap((who) =>
    (['coalitionShared', 'ownOrganisation'] as const).map(
      (scope) => ({ resource: 'route', action: 'read', who, scope }) as const,
    ),
  ),
  ...(['member', 'coordinator', 'admin'] as const).flatMap((who) =>
    (['create', 'update', 'delete'] as const).map(
      (action) =>
        ({
          resource: 'route',
          action,
          who,
          scope: who === 'member' ? 'ownOrganisation' : 'coalitionAll',
        }) as const,
    ),
  ),
  { resource: 'route', action: 'read', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'route', action: 'read', who: 'admin', scope: 'coalitionAll' },
  // Challenges: short texts an organisation records; public ones show without the organisation.
  ...everyone.map(
    (who) => ({ resource: 'challenge', action: 'read', who, scope: 'public' }) as const,
  ),
  ...members.map(
    (who) => ({ resource: 'challenge', action: 'read', who, scope: 'coalitionShared' }) as const,
  ),
  ...(['member', 'coordinator', 'admin'] as const).flatMap((who) =>
    (['read', 'create', 'delete'] as const).map(
      (action) =>
        ({
          resource: 'challenge',
          action,
          who,
          scope: who === 'member' ? 'ownOrganisation' : 'coalitionAll',
        }) as const,
    ),
  ),
  // The atlas's aggregates (map, flows, gaps): which routes they count. `public` alone means the
  // public view: public routes only, reporting organisations hidden, counts below k suppressed.
  ...everyone.map((who) => ({ resource: 'atlas', action: 'read', who, scope: 'public' }) as const),
  ...members.flatMap((who) =>
    (['coalitionShared', 'ownOrganisation'] as const).map(
      (scope) => ({ resource: 'atlas', action: 'read', who, scope }) as const,
    ),
  ),
  { resource: 'atlas', action: 'read', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'atlas', action: 'read', who: 'admin', scope: 'coalitionAll' },
  // The overlap of factors across issues and forms (issue 13): an event's confirmed-card counts.
  // Its visibility is the event's overlap setting (`coalition` unless a coordinator published it).
  // `public` alone is the public view: published events only, combined, small counts suppressed;
  // cards behind a cell are never public. Coordinators and admins publish (`update`).
  ...everyone.map(
    (who) => ({ resource: 'overlap', action: 'read', who, scope: 'public' }) as const,
  ),
  ...members.map(
    (who) => ({ resource: 'overlap', action: 'read', who, scope: 'coalitionShared' }) as const,
  ),
  { resource: 'overlap', action: 'update', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'overlap', action: 'update', who: 'admin', scope: 'coalitionAll' },
  // Experience patterns (spectrum of exploitation): anonymised, owned by the organisation that
  // entered them, like routes. Read one by one inside the coalition only (no public rule: what the
  // public may ever see of them is an aggregate). `update` is not granted: a pattern is removed and
  // entered again.
  ...members.flatMap((who) =>
    (['coalitionShared', 'ownOrganisation'] as const).map(
      (scope) => ({ resource: 'pattern', action: 'read', who, scope }) as const,
    ),
  ),
  ...(['member', 'coordinator', 'admin'] as const).flatMap((who) =>
    (['create', 'delete'] as const).map(
      (action) =>
        ({
          resource: 'pattern',
          action,
          who,
          scope: who === 'member' ? 'ownOrganisation' : 'coalitionAll',
        }) as const,
    ),
  ),
  { resource: 'pattern', action: 'read', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'pattern', action: 'read', who: 'admin', scope: 'coalitionAll' },
  // Commitments (issue 14): actions on an expertise group's roadmap. The owner organisation owns
  // one: its members record it and report progress (`update`: status and note, or an edit);
  // coordinators and admins do so for any, and alone remove one. Read inside the coalition only.
  ...members.flatMap((who) =>
    (['coalitionShared', 'ownOrganisation'] as const).map(
      (scope) => ({ resource: 'commitment', action: 'read', who, scope }) as const,
    ),
  ),
  ...(['member', 'coordinator', 'admin'] as const).flatMap((who) =>
    (['create', 'update'] as const).map(
      (action) =>
        ({
          resource: 'commitment',
          action,
          who,
          scope: who === 'member' ? 'ownOrganisation' : 'coalitionAll',
        }) as const,
    ),
  ),
  ...(['coordinator', 'admin'] as const).flatMap((who) =>
    (['read', 'delete'] as const).map(
      (action) => ({ resource: 'commitment', action, who, scope: 'coalitionAll' }) as const,
    ),
  ),
  // The follow-up list (commitments due or not updated for 30/60/90 days) and its digest emails:
  // the coordinators' work. `create` is sending the digest.
  ...(['coordinator', 'admin'] as const).flatMap((who) =>
    (['read', 'create'] as const).map(
      (action) => ({ resource: 'followup', action, who, scope: 'coalitionAll' }) as const,
    ),
  ),
  // Members (memberships and invitations): coordinators and admins list, invite, change, suspend
  // and remove the members of their own coalition; which roles they may hand out or touch is
  // ROLE_GRANTS below. `create` is inviting.
  ...(['coordinator', 'admin'] as const).flatMap((who) =>
    (['read', 'create', 'update', 'delete'] as const).map(
      (action) => ({ resource: 'member', action, who, scope: 'coalitionAll' }) as const,
    ),
  ),
  // The coalition's factor vocabulary (issue 13): every member reads it (overlap charts name its
  // factors); the people who run events and review cards (coordinators, admins) add, edit, merge,
  // split and retire factors (`delete` is retiring: a factor is never removed).
  ...members.map(
    (who) => ({ resource: 'factor', action: 'read', who, scope: 'coalitionShared' }) as const,
  ),
  ...(['coordinator', 'admin'] as const).flatMap((who) =>
    (['create', 'update', 'delete'] as const).map(
      (action) => ({ resource: 'factor', action, who, scope: 'coalitionAll' }) as const,
    ),
  ),
  // The learnings wall (issue 14): posts made in the room, owned by the poster's organisation,
  // visible to the coalition unless published. Hidden posts are never read outside the people who
  // run events (the repository leaves them out for everyone else). Posting, voting and moderating
  // happen in the live room: ROOM_POLICY below.
  ...everyone.map(
    (who) => ({ resource: 'learning', action: 'read', who, scope: 'public' }) as const,
  ),
  ...members.flatMap((who) =>
    (['coalitionShared', 'ownOrganisation'] as const).map(
      (scope) => ({ resource: 'learning', action: 'read', who, scope }) as const,
    ),
  ),
  { resource: 'learning', action: 'read', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'learning', action: 'read', who: 'admin', scope: 'coalitionAll' },
  // An event's report (issue 14). Its visibility is its publication: `coalition` until a
  // coordinator publishes the public version, then `public` — anyone reads the public version at
  // its public address (the members' version is the `event` rules'). Coordinators and admins
  // publish and unpublish (`update`).
  ...everyone.map((who) => ({ resource: 'report', action: 'read', who, scope: 'public' }) as const),
  ...members.map(
    (who) => ({ resource: 'report', action: 'read', who, scope: 'coalitionShared' }) as const,
  ),
  { resource: 'report', action: 'update', who: 'coordinator', scope: 'coalitionAll' },
  { resource: 'report', action: 'update', who: 'admin', scope: 'coalitionAll' },
];

/**
 * Who may confirm route notes that look like personal data (a name, a phone number) as they are,
 * after checking that they identify nobody: coordinators and admins, who validate routes. Anyone
 * else edits the notes first (the API refuses them with `personal_data_in_notes`).
 */
export const CONFIRM_NOTES_ROLES: readonly Role[] = ['coordinator', 'admin'];

export function mayConfirmNotes(actor: Actor): boolean {
  return actor.kind === 'user' && CONFIRM_NOTES_ROLES.includes(actor.role);
}

/**
 * The same roles validate routes that participants added from their phones during a mapping
 * session (`reviewed`), and see which participant added one.
 */
export const mayValidateRoutes = mayConfirmNotes;

/**
 * The roles each role may give (by invitation or a change of role) and act on: a coordinator never
 * creates an admin nor changes, suspends or removes one; only admins make admins.
 */
export const ROLE_GRANTS: Readonly<Record<Role, readonly Role[]>> = {
  admin: ROLES,
  coordinator: ['coordinator', 'member', 'viewer'],
  member: [],
  viewer: [],
};

/**
 * Whether `actor` may do `action` to a membership (or invitation) of `target.coalitionId` whose role
 * is `target.role`, optionally giving it `newRole`. The coalition check is the `member` rules'
 * scope: an admin of coalition A never reaches a member of coalition B.
 */
export function mayManageMember(
  actor: Actor,
  action: Action,
  target: { coalitionId: string; role: Role },
  newRole?: Role,
): boolean {
  if (actor.kind !== 'user') return false;
  const record = {
    coalitionId: target.coalitionId,
    owningOrganisationId: null,
    visibility: 'coalition' as const,
  };
  if (!can(actor, action, 'member', record)) return false;
  const grants = ROLE_GRANTS[actor.role];
  return grants.includes(target.role) && (newRole === undefined || grants.includes(newRole));
}

/** The facts about a record that access depends on. */
export interface RecordAccess {
  coalitionId: string;
  owningOrganisationId: string | null;
  visibility: Visibility;
}

function whoOf(actor: Actor): Role | 'anonymous' {
  return actor.kind === 'anonymous' ? 'anonymous' : actor.role;
}

function rulesFor(actor: Actor, resource: Resource, action: Action): Rule[] {
  const who = whoOf(actor);
  return POLICY.filter((r) => r.resource === resource && r.action === action && r.who === who);
}

function scopeCovers(scope: Scope, actor: Actor, record: RecordAccess): boolean {
  if (scope === 'public') return record.visibility === 'public';
  if (actor.kind === 'anonymous' || record.coalitionId !== actor.coalitionId) return false;
  switch (scope) {
    case 'coalitionShared':
      return record.visibility !== 'organisation';
    case 'ownOrganisation':
      return actor.organisationId !== null && record.owningOrganisationId === actor.organisationId;
    case 'coalitionAll':
      return true;
  }
}

export function can(
  actor: Actor,
  action: Action,
  resource: Resource,
  record: RecordAccess,
): boolean {
  return rulesFor(actor, resource, action).some((r) => scopeCovers(r.scope, actor, record));
}

/** The scopes an actor may read, for repositories to turn into a WHERE clause. */
export function readScopes(actor: Actor, resource: Resource): Scope[] {
  return [...new Set(rulesFor(actor, resource, 'read').map((r) => r.scope))];
}

/**
 * What each route requires. `open` routes are deliberately reachable by anyone (health, log-in,
 * reference data, documentation) and filter nothing private; the rest name the policy they apply.
 */
export type RoutePolicy =
  | { kind: 'open'; why: string }
  | { kind: 'authenticated' }
  | { kind: 'resource'; resource: Resource; action: Action };

/**
 * The live room's writes. A phone in the room is a participant known by the token they joined
 * with: no account, no coalition role, so the rules above cannot name them. What they may write
 * depends on where they stand in the room, which the room works out for each intent:
 * - `facilitator`: a signed-in user who may update the event (the `event` rules above: coordinators
 *   and admins), connected to the room;
 * - `tableHost`: the participant hosting the table that has the issue in the current round of the
 *   café session (the table's host, placed at it by the schedule);
 * - `cardAuthor`: the participant (or user) who added the card the intent is about;
 * - `participant`: anyone else who joined the event.
 * The projector has no standing: it writes nothing.
 * Like POLICY, this table is the only place these rights are decided; tests enumerate it.
 */
export type RoomStanding = 'facilitator' | 'tableHost' | 'cardAuthor' | 'participant';
export type RoomAction =
  | 'addCard'
  | 'changeCard'
  | 'writeHandover'
  | 'addRoute'
  | 'postLearning'
  | 'voteLearning'
  | 'moderateLearnings'
  | 'addPattern';

export interface RoomRule {
  action: RoomAction;
  who: RoomStanding;
}

export const ROOM_POLICY: readonly RoomRule[] = [
  // Anyone in the room adds cards to the sheet in front of them.
  { action: 'addCard', who: 'participant' },
  { action: 'addCard', who: 'facilitator' },
  // Editing, deleting or restoring a card: its author, or a facilitator (who tidies the sheets).
  { action: 'changeCard', who: 'cardAuthor' },
  { action: 'changeCard', who: 'facilitator' },
  // An experience pattern told at the table (anonymised): anyone in the room, like a card.
  { action: 'addPattern', who: 'participant' },
  { action: 'addPattern', who: 'facilitator' },
  // The hand-over note is what a table's host leaves for the next group at that issue.
  { action: 'writeHandover', who: 'tableHost' },
  { action: 'writeHandover', who: 'facilitator' },
  // Routes from phones during a mapping session (ROUTE-1): participants, attributed to their
  // organisation. Signed-in users add routes through the atlas, with their own organisation.
  { action: 'addRoute', who: 'participant' },
  // The learnings wall (issue 14, LEARN-1..5): participants post and vote (a vote is a person's,
  // so only people who joined the event vote); facilitators hide, pin, merge and theme posts.
  { action: 'postLearning', who: 'participant' },
  { action: 'voteLearning', who: 'participant' },
  { action: 'moderateLearnings', who: 'facilitator' },
];

/** Whether someone with these standings in the room may do `action`. */
export function canInRoom(standings: readonly RoomStanding[], action: RoomAction): boolean {
  return ROOM_POLICY.some((r) => r.action === action && standings.includes(r.who));
}
